using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A container that cannot start for want of its configuration: a missing Secret, ConfigMap, key or environment variable.</summary>
internal sealed partial class CrashLoopConfigSignature : FailureSignature
{
    public override string Id => "crash-loop-config";

    [GeneratedRegex(@"CreateContainerConfigError|(secret|configmap)s? ""[^""]+"" not found|couldn't find key [\w.-]+ in (Secret|ConfigMap)|(environment variable|env var|env)\s+\\?[`'""]?[A-Z][A-Z0-9_]{2,}\\?[`'""]?\s+(is\s+)?(not set|missing|required|undefined|must be set|is empty)|(missing|required|undefined) (required )?(environment variable|env var|config(uration)? (key|value))s?:?\s+\\?[`'""]?[A-Z][A-Z0-9_]{2,}|KeyError: '[A-Z][A-Z0-9_]{2,}'|Missing required (property|configuration)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingConfigPattern();

    [GeneratedRegex(@"CrashLoopBackOff|Back-off restarting failed container|Error: secret|MountVolume\.SetUp failed", RegexOptions.CultureInvariant)]
    private static partial Regex CrashLoopPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("missing-config", MissingConfigPattern(), 6),
        Indicator.Of("crash-loop", CrashLoopPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "missing-config");
        if (StateOf(facts, "CreateContainerConfigError") is not null && ev.Has("missing-config"))
        {
            ev.Score += 1;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var title = l.T(
            $"{who} cannot start because configuration it needs is missing (a Secret, ConfigMap, key or environment variable){(ev.Change is null ? "" : $" since {ChangePhrase(ev.Change, l)}")}",
            $"{who} 缺少启动所需的配置（Secret、ConfigMap、键或环境变量）{(ev.Change is null ? "" : $"，始于{ChangePhrase(ev.Change, l)}")}，无法启动");
        return Result(ev, title,
            l.T("The named Secret/ConfigMap/variable exists in the pod's namespace with the expected key, and the container still fails.", "所需的 Secret/ConfigMap/变量在该命名空间存在且键正确，容器仍然失败。"),
            title,
            [
                Step(l, "List what the pod references and what exists.", "列出 pod 引用的配置以及实际存在的配置。",
                    $"kubectl get secret,configmap -n {Ns(f)}; kubectl get pod -n {Ns(f)} -l app={svc} -o jsonpath='{{.items[0].spec.containers[0].envFrom}} {{.items[0].spec.containers[0].env}}'",
                    "A referenced name or key that is absent.", "引用的名称或键不存在。"),
                Step(l, "Read the waiting reason and the container's last log lines.", "查看等待原因和容器最后的日志。",
                    $"kubectl describe pod -n {Ns(f)} -l app={svc} | grep -A3 -E 'State|Warning'; kubectl logs -n {Ns(f)} -l app={svc} --previous --tail=30",
                    "CreateContainerConfigError or a missing-variable error at start-up.", "CreateContainerConfigError 或启动时缺少变量的报错。"),
            ],
            [
                Mitigate(l, "Create the missing Secret/ConfigMap/key (from the previous release's values), or roll back the manifest that references it.", "补建缺失的 Secret/ConfigMap/键（沿用上个版本的值），或回滚引用它的清单。",
                    "A wrong value can start the service with bad settings.", "错误的值可能让服务带着错误配置启动。", "Delete the object or re-apply the rolled-back manifest.", "删除补建的对象或重新应用回滚后的清单。"),
            ],
            [
                Follow(l, "P1", "Validate that every referenced Secret/ConfigMap/key exists before rollout (policy or CI check)", "发布前校验所有引用的 Secret/ConfigMap/键都存在（策略或 CI 检查）", "Platform team", "平台团队"),
            ]);
    }
}
