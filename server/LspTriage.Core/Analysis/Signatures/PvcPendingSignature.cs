using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Volumes that never bind or mount: a missing StorageClass, provisioning failures, attach/mount errors.</summary>
internal sealed partial class PvcPendingSignature : FailureSignature
{
    public override string Id => "pvc-pending";

    [GeneratedRegex(@"\bProvisioningFailed\b|storageclass[\w.]* ""[^""]+"" not found|unbound immediate PersistentVolumeClaims|waiting for (a volume to be created|first consumer)|\bFailedAttachVolume\b|Multi-Attach error|AttachVolume\.Attach failed|MountVolume\.(SetUp|MountDevice) failed for volume ""pvc-|no persistent volumes available", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeErrorPattern();

    [GeneratedRegex(@"PersistentVolumeClaim|\bpvc\b|StorageClass|\bFailedMount\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VolumePattern();

    [GeneratedRegex(@"\bPending\b", RegexOptions.CultureInvariant)]
    private static partial Regex PendingPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("volume-error", VolumeErrorPattern(), 6),
        Indicator.Of("volume", VolumePattern(), 1.5),
        Indicator.Of("pending", PendingPattern(), 1),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "volume-error");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var missingClass = f.Clauses.Any(c => c.Text.Contains("storageclass", StringComparison.OrdinalIgnoreCase) && c.Text.Contains("not found", StringComparison.Ordinal));
        var title = missingClass
            ? l.T($"{who}'s volume claim stays Pending because its StorageClass does not exist, so the pod cannot start", $"{who} 的存储卷声明因 StorageClass 不存在而一直 Pending，pod 无法启动")
            : l.T($"{who}'s volume cannot be provisioned, attached or mounted, so the pod cannot start", $"{who} 的存储卷无法创建、挂载或附加，pod 无法启动");
        return Result(ev, title,
            l.T("The claim is Bound and the volume mounted, and the pod waits for something else.", "存储卷声明已 Bound 且已挂载，pod 在等待别的东西。"),
            title,
            [
                Step(l, "Check the claim, its StorageClass and its events.", "检查存储卷声明、StorageClass 和事件。", $"kubectl get pvc -n {Ns(f)}; kubectl get storageclass; kubectl describe pvc -n {Ns(f)} | grep -A5 Events",
                    "Pending claims naming a class that is not listed, or provisioner errors.", "Pending 的声明引用了不存在的类，或出现 provisioner 报错。"),
                Step(l, "Check the provisioner/CSI driver and volume attachments.", "检查 provisioner/CSI 驱动和卷附加状态。", "kubectl get csidrivers; kubectl get volumeattachments | head",
                    "The driver missing or attachments stuck on another node.", "驱动缺失或卷仍附加在其他节点上。"),
            ],
            [
                Mitigate(l, "Create the missing StorageClass (or point the claim at an existing one) and recreate the claim.", "创建缺失的 StorageClass（或让声明使用已有的类）并重建声明。",
                    "A different class may have other performance or reclaim policy.", "不同的存储类可能性能或回收策略不同。", "Delete the new class and restore the manifest.", "删除新建的类并恢复清单。"),
            ],
            [
                Follow(l, "P2", "Validate StorageClass names in manifests against the cluster in CI", "CI 中校验清单里的 StorageClass 名称在集群中存在", "Platform team", "平台团队"),
            ]);
    }
}
