using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A configuration or feature-flag change shortly before the onset.</summary>
internal sealed partial class BadConfigPushSignature : FailureSignature
{
    public override string Id => "bad-config-push";

    [GeneratedRegex(@"config(uration)? (push|pushed|change|changed|update|updated|rollout|reload)|feature flag|flag [\w.-]+ (enabled|flipped|turned on|set)|\b(configmap|consul|etcd|[\w-]+\.ya?ml)\b[^\n]{0,40}\b(updated|changed|edited|applied|pushed|patched|merged|modified)\b|\b(updated|changed|edited|applied|pushed|patched|merged|modified)\b[^\n]{0,40}\b(configmap|consul|etcd|[\w-]+\.ya?ml)\b|配置(变更|推送|更新)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfigChangePattern();

    [GeneratedRegex(@"invalid|parse error|unknown (field|key)|malformed|failed to (load|parse) config|unmarshal|wrong value|typo|配置错误", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvalidPattern();

    [GeneratedRegex(@"all (pods|instances|regions|hosts)|every (pod|instance|region)|所有(实例|节点)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllInstancesPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("config-change", ConfigChangePattern(), 4),
        Indicator.Of("invalid", InvalidPattern(), 2.5),
        Indicator.Of("all-instances", AllInstancesPattern(), 1),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["config"];

    protected override double ChangeWeight => 0;

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        var configChange = facts.Changes.Where(c => c.IsConfig && c.MinutesBeforeOnset is >= 0 and <= 120).OrderBy(c => c.MinutesBeforeOnset).FirstOrDefault();
        if (configChange is not null)
        {
            ev.Change = configChange;
            ev.Score += 3;
        }
        ev.CapUnless(2, "config-change");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"A bad configuration push{(ev.Change is null ? "" : $" ({ChangePhrase(ev.Change, l)})")} changed {svc}'s behaviour on every instance at once",
            $"错误的配置推送{(ev.Change is null ? "" : $"（{ChangePhrase(ev.Change, l)}）")}同时改变了 {svc} 所有实例的行为");
        return Result(ev, title,
            l.T("Reverting the configuration does not change the error rate, or the symptoms started before the push.", "回退配置后错误率不变，或症状在推送之前就已出现。"),
            title,
            [
                Step(l, "Diff the configuration before and after the push.", "对比推送前后的配置。", "git log -p -n 3 -- config/ ; kubectl get configmap -n NAMESPACE NAME -o yaml",
                    "A changed key matching the symptoms.", "某个变更的键与症状吻合。"),
                Step(l, "Check the service logs for config load errors.", "检查服务日志中的配置加载错误。", $"kubectl logs -l app={svc} --since=1h | grep -Ei 'config|flag|invalid|parse'",
                    "Errors or new values logged right after the push.", "推送后立即出现错误或新值。"),
            ],
            [
                Mitigate(l, "Revert the configuration change (or flip the flag back) and reload.", "回退配置（或关闭功能开关）并重载。",
                    "Anything that depended on the new value stops working.", "依赖新值的功能会失效。", "Re-apply the change once validated.", "验证后重新推送。"),
            ],
            [
                Follow(l, "P1", "Validate configuration against a schema in CI and canary config pushes", "CI 中按 schema 校验配置，并灰度推送配置", "Platform team", "平台团队"),
                Follow(l, "P2", "Record every config push in the deploy timeline", "所有配置推送都记录到发布时间线", "Platform team", "平台团队"),
            ]);
    }
}
