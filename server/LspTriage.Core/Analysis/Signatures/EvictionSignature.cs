using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Pods evicted by the kubelet under node pressure: disk, ephemeral storage or memory.</summary>
internal sealed partial class EvictionSignature : FailureSignature
{
    public override string Id => "eviction";

    [GeneratedRegex(@"\bEvicted\b|The node was low on resource|usage exceeds the total limit of containers|Pod ephemeral local storage usage exceeds|evicted (by|due to)", RegexOptions.CultureInvariant)]
    private static partial Regex EvictedPattern();

    [GeneratedRegex(@"DiskPressure|MemoryPressure|PIDPressure|ephemeral-storage|imagefs|nodefs", RegexOptions.CultureInvariant)]
    private static partial Regex PressurePattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("evicted", EvictedPattern(), 5.5),
        Indicator.Of("pressure", PressurePattern(), 2.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "evicted");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var storage = f.Clauses.Any(c => c.Text.Contains("ephemeral", StringComparison.OrdinalIgnoreCase) || c.Text.Contains("DiskPressure", StringComparison.Ordinal));
        var title = storage
            ? l.T($"{who} pods are evicted because their node runs low on disk (ephemeral storage): containers write more local data than the node can hold",
                $"{who} 的 pod 因节点磁盘（临时存储）不足被驱逐：容器写入的本地数据超过节点容量")
            : l.T($"{who} pods are evicted under node resource pressure", $"{who} 的 pod 因节点资源压力被驱逐");
        return Result(ev, title,
            l.T("Nodes report no pressure condition and the pods ended for another reason.", "节点没有压力状态，pod 因其他原因结束。"),
            title,
            [
                Step(l, "List evictions and their messages.", "列出驱逐事件及其消息。", $"kubectl get events -A --field-selector reason=Evicted",
                    "Which resource ran low and which container used the most.", "哪种资源不足、哪个容器用量最大。"),
                Step(l, "Check node conditions and what fills the disk.", "检查节点状态以及占用磁盘的内容。", "kubectl describe nodes | grep -E 'Pressure|ephemeral'; kubectl debug node/NODE -it --image=busybox -- du -xsh /host/var/lib/kubelet/pods/* | sort -h | tail",
                    "DiskPressure True; one pod's emptyDir or logs dominate.", "DiskPressure 为 True；某个 pod 的 emptyDir 或日志占主要空间。"),
            ],
            [
                Mitigate(l, "Set ephemeral-storage requests/limits (or an emptyDir sizeLimit) on the heavy writer and clean its scratch data.", "为写入量大的容器设置 ephemeral-storage 请求/上限（或 emptyDir sizeLimit），并清理其临时数据。",
                    "The writer itself is evicted when it exceeds the limit.", "超出上限时该容器自身会被驱逐。", "Remove the limit.", "移除该上限。"),
                Mitigate(l, "Move the scratch data to a persistent volume or object storage.", "把临时数据迁到持久卷或对象存储。", "Slower I/O for the workload.", "该负载的 I/O 变慢。", "Switch back to local scratch.", "切回本地临时存储。"),
            ],
            [
                Follow(l, "P1", "Alert on node DiskPressure and on pods without ephemeral-storage limits", "节点 DiskPressure 及未设置 ephemeral-storage 上限的 pod 告警", "Platform team", "平台团队"),
            ]);
    }
}
