using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Pods that cannot pull their image: a tag that does not exist, missing registry credentials, a registry unreachable or rate-limiting.</summary>
internal sealed partial class ImagePullSignature : FailureSignature
{
    public override string Id => "image-pull";

    [GeneratedRegex(@"\b(ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull)\b|Failed to pull image|Back-off pulling image", RegexOptions.CultureInvariant)]
    private static partial Regex PullFailurePattern();

    [GeneratedRegex(@"(pull|image|manifest|reference)[^\n]{0,200}(manifest unknown|: not found|NotFound|pull access denied|unauthorized|authentication required|denied|403 Forbidden|toomanyrequests|rate limit|no such host|i/o timeout|x509)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RegistryErrorPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("pull-failure", PullFailurePattern(), 5),
        Indicator.Of("registry-error", RegistryErrorPattern(), 4),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2.5, "pull-failure");

    [GeneratedRegex(@"image ""(?<image>[^""]+)""")]
    private static partial Regex ImageName();

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        // The image that failed to pull, not the first image in the paste (other pods' images are noise): the failing
        // line's own, then one about the subject, then any that is not about another workload.
        var candidates = new[] { ev.ClauseOf("pull-failure"), ev.ClauseOf("registry-error") }.OfType<ContextClause>()
            .Concat(f.Clauses.OrderByDescending(c => c.Relevance == Relevance.Subject).Where(c => c.Relevance != Relevance.Elsewhere));
        var image = candidates.Select(c => ImageName().Match(c.Text)).FirstOrDefault(m => m.Success)?.Groups["image"].Value;
        var registry = ev.ClauseOf("registry-error")?.Text ?? "";
        var why = registry.Contains("not found", StringComparison.OrdinalIgnoreCase) || registry.Contains("manifest unknown", StringComparison.OrdinalIgnoreCase) || registry.Contains("NotFound", StringComparison.Ordinal)
            ? l.T("the tag does not exist in the registry", "镜像仓库中不存在该标签")
            : registry.Contains("denied", StringComparison.OrdinalIgnoreCase) || registry.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) || registry.Contains("authentication", StringComparison.OrdinalIgnoreCase)
                ? l.T("the registry refuses the node's credentials", "镜像仓库拒绝节点的凭据")
                : l.T("the registry cannot be reached or refuses the pull", "无法访问镜像仓库或拉取被拒绝");
        var title = l.T(
            $"{who} pods cannot pull their image{(image is null ? "" : $" {image}")}: {why}; new pods never start",
            $"{who} 的 pod 无法拉取镜像{(image is null ? "" : $" {image}")}：{why}，新 pod 无法启动");
        return Result(ev, title,
            l.T("Pulling the same image by hand from a node succeeds with the pod's pull secret.", "在节点上用 pod 的拉取凭据手动拉取同一镜像成功。"),
            title,
            [
                Step(l, "Read the pull error.", "查看拉取错误。", $"kubectl get events -n {Ns(f)} --field-selector reason=Failed | grep -i pull",
                    "The registry's answer: not found, unauthorized, rate limited or unreachable.", "镜像仓库的返回：不存在、未授权、限流或不可达。"),
                Step(l, "Check the tag exists and the pull secret is valid.", "确认标签存在且拉取凭据有效。", $"crane manifest {image ?? "IMAGE"} ; kubectl get secret -n {Ns(f)} -o name | grep -i regcred",
                    "No manifest for the tag, or no (valid) pull secret.", "该标签没有 manifest，或没有（有效的）拉取凭据。"),
            ],
            [
                Mitigate(l, "Roll the deployment back to the last image that pulls.", "把部署回滚到上一个可拉取的镜像。", "The new release's changes wait.", "新版本的改动暂缓上线。",
                    $"kubectl rollout undo -n {Ns(f)} deploy/{svc}", $"kubectl rollout undo -n {Ns(f)} deploy/{svc}"),
                Mitigate(l, "Push the missing tag, or renew the pull secret, then delete the waiting pods.", "推送缺失的标签或更新拉取凭据，然后删除等待中的 pod。", "A rebuilt tag may differ from what was tested.", "重新构建的镜像可能与测试过的不同。",
                    "Restore the previous secret.", "恢复原凭据。"),
            ],
            [
                Follow(l, "P1", "Deploy only images whose digest the pipeline has verified in the registry", "只部署流水线已在仓库中校验过 digest 的镜像", "Platform team", "平台团队"),
            ]);
    }
}
