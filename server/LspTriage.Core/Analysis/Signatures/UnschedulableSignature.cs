using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Pods stuck Pending: not enough CPU/memory, no node matching the selector or affinity, untolerated taints, nodes at their pod limit.</summary>
internal sealed partial class UnschedulableSignature : FailureSignature
{
    public override string Id => "unschedulable";

    [GeneratedRegex(@"\bFailedScheduling\b|\d+/\d+ nodes are available|\bUnschedulable\b|\bNotTriggerScaleUp\b", RegexOptions.CultureInvariant)]
    private static partial Regex FailedSchedulingPattern();

    [GeneratedRegex(@"Insufficient (cpu|memory|ephemeral-storage|pods|nvidia\.com/gpu|[\w./-]+)|didn't match (Pod's )?node (affinity|selector)|node\(s\) had (untolerated )?taint|untolerated taint|Too many pods|didn't have free ports|didn't match pod (anti-)?affinity rules", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"\bPending\b", RegexOptions.CultureInvariant)]
    private static partial Regex PendingPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("failed-scheduling", FailedSchedulingPattern(), 4),
        Indicator.Of("reason", ReasonPattern(), 4),
        Indicator.Of("pending", PendingPattern(), 1),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "reason");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var reason = ev.ClauseOf("reason")?.Text ?? "";
        var why = reason.Contains("Insufficient", StringComparison.Ordinal) ? l.T("no node has enough free resources for its requests", "没有节点有足够的空闲资源满足其请求")
            : reason.Contains("Too many pods", StringComparison.Ordinal) ? l.T("the nodes are at their pod limit", "节点已达到 pod 数量上限")
            : reason.Contains("taint", StringComparison.Ordinal) ? l.T("the nodes carry taints the pod does not tolerate", "节点带有 pod 不容忍的污点")
            : l.T("no node matches its node selector or affinity", "没有节点匹配其节点选择器或亲和性");
        var title = l.T($"{who} pods stay Pending: {why}", $"{who} 的 pod 一直处于 Pending：{why}");
        return Result(ev, title,
            l.T("The scheduler places the pods once they exist (no FailedScheduling events), or nodes with room and matching labels are available.", "pod 创建后即被调度（无 FailedScheduling 事件），或存在有空余且标签匹配的节点。"),
            title,
            [
                Step(l, "Read the scheduler's reasons.", "查看调度器给出的原因。", $"kubectl get events -n {Ns(f)} --field-selector reason=FailedScheduling",
                    "Per-node reasons: Insufficient cpu/memory, selector/affinity mismatch, taints, Too many pods.", "各节点的原因：资源不足、选择器/亲和性不匹配、污点、pod 数超限。"),
                Step(l, "Compare the pod's requests and selector with the nodes.", "对比 pod 的资源请求、选择器与节点。",
                    $"kubectl get pod -n {Ns(f)} -l app={svc} -o jsonpath='{{.items[0].spec.nodeSelector}} {{.items[0].spec.containers[*].resources.requests}}'; kubectl describe nodes | grep -A6 'Allocated resources'",
                    "Requests larger than any node's free capacity, or labels no node carries.", "请求超过任何节点的剩余容量，或没有节点带有所需标签。"),
            ],
            [
                Mitigate(l, "Add capacity (scale the node group) or lower the requests to what the service uses.", "增加容量（扩容节点组）或把资源请求降到实际用量。",
                    "Lower requests risk contention on busy nodes.", "降低请求可能在繁忙节点上争用资源。", "Restore the previous requests or node count.", "恢复原资源请求或节点数。"),
                Mitigate(l, "Fix or relax the node selector/affinity or add the toleration the nodes require.", "修正或放宽节点选择器/亲和性，或添加节点所需的容忍。",
                    "Pods may land on nodes not meant for them.", "pod 可能被调度到不该去的节点。", "Re-apply the previous scheduling constraints.", "恢复原调度约束。"),
            ],
            [
                Follow(l, "P1", "Alert on pods Pending for more than a few minutes and on cluster-autoscaler NotTriggerScaleUp", "pod Pending 超过数分钟及自动扩容未触发时告警", "Platform team", "平台团队"),
            ]);
    }
}
