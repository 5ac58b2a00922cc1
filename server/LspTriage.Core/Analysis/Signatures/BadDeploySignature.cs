using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>The generic fallback: a release shortly before the onset introduced a regression.</summary>
internal sealed partial class BadDeploySignature : FailureSignature
{
    public override string Id => "bad-deploy";

    [GeneratedRegex(@"NullPointerException|TypeError|ReferenceError|panic:|nil pointer|segfault|stack ?trace|Traceback|unhandled exception|undefined is not|KeyError|AttributeError|ClassCastException|空指针", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionPattern();

    [GeneratedRegex(@"(rollback|rolled back|roll back)[^\n]{0,60}(recover\w*|fixed|resolved|back to normal|dropped)|回滚后[^\n]{0,10}恢复", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RollbackHelpedPattern();

    [GeneratedRegex(@"\bcanary\b|only (new|the new) pods|new version pods|灰度", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CanaryPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("exception", ExceptionPattern(), 2.5),
        Indicator.Of("rollback-helped", RollbackHelpedPattern(), 2.5),
        Indicator.Of("canary", CanaryPattern(), 1.5),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["deploy"];

    protected override double ChangeWeight => 0;

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        var deploy = facts.Changes.Where(c => !c.IsConfig && c.MinutesBeforeOnset is >= 0 and <= 180).OrderBy(c => c.MinutesBeforeOnset).FirstOrDefault();
        if (deploy is null)
        {
            ev.Score = Math.Min(ev.Score, 2);
            return;
        }
        ev.Change = deploy;
        ev.Score += deploy.Version is null ? 2.5 : 3;
        if (deploy.MinutesBeforeOnset <= 30)
        {
            ev.Score += 1.5;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var gap = ev.Change?.MinutesBeforeOnset is { } g and > 0 ? l.T($", {g} minutes before the symptoms began,", $"，在症状出现前 {g} 分钟") : "";
        var title = l.T($"A regression shipped in {ChangePhrase(ev.Change, l)}{gap} causes the failures",
            $"{ChangePhrase(ev.Change, l)}{gap}引入的代码回归导致故障");
        return Result(ev, title,
            l.T("The previous release shows the same errors, or errors began before the deploy reached the affected pods.", "上一个版本也出现同样错误，或错误在发布到达受影响 pod 之前就已出现。"),
            title,
            [
                Step(l, "Compare errors by version.", "按版本对比错误。", $"kubectl get pods -l app={svc} -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,START:.status.startTime",
                    "Errors only on pods running the new image.", "只有运行新镜像的 pod 报错。"),
                Step(l, "Read the release diff.", "查看发布差异。", "git log --oneline PREVIOUS_TAG..CURRENT_TAG", "A change touching the failing path.", "有改动涉及出错路径。"),
                Step(l, "Check the rollout history.", "查看发布历史。", $"kubectl rollout history deployment/{svc}", "The rollout time matches the onset.", "发布时间与故障开始时间吻合。"),
            ],
            [
                Mitigate(l, $"Roll back {svc} to the previous release.", $"将 {svc} 回滚到上一个版本。", "Fixes shipped in the release are lost; schema changes may not be backward compatible.", "该版本中的修复会丢失；表结构变更可能不兼容。",
                    "Roll forward with a fix.", "修复后向前发布。"),
            ],
            [
                Follow(l, "P1", "Canary releases with automatic rollback on error-rate regression", "灰度发布，错误率回归时自动回滚", "Platform team", "平台团队"),
                Follow(l, "P2", "Add a test for the failing path", "为出错路径补充测试", $"{svc} team", $"{svc} 团队"),
            ]);
    }
}
