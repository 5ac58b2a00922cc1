using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Name resolution failing (resolver, zone or record).</summary>
internal sealed partial class DnsFailureSignature : FailureSignature
{
    public override string Id => "dns-failure";

    [GeneratedRegex(@"NXDOMAIN|SERVFAIL|no such host|Name or service not known|Temporary failure in name resolution|could not resolve|getaddrinfo|EAI_AGAIN|UnknownHostException|域名解析(失败|异常)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResolveErrorPattern();

    [GeneratedRegex(@"\bDNS\b|resolver|resolv\.conf|coredns|kube-dns|Route ?53|\bzone\b|TTL", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DnsPattern();

    [GeneratedRegex(@"\b(A|AAAA|CNAME|NS) record|record (was )?(deleted|changed|removed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecordPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("resolve-error", ResolveErrorPattern(), 5),
        Indicator.Of("dns", DnsPattern(), 2),
        Indicator.Of("record", RecordPattern(), 1.5),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["dns"];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "resolve-error");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var title = l.T($"DNS resolution fails{(ev.Change is null ? "" : $" after {ChangePhrase(ev.Change, l)}")}, so callers cannot reach the names they depend on",
            $"DNS 解析失败{(ev.Change is null ? "" : $"（{ChangePhrase(ev.Change, l)}之后）")}，调用方无法访问依赖的域名");
        return Result(ev, title,
            l.T("dig returns the expected records from the pods' resolver while the errors continue.", "错误持续时，从 pod 的解析器 dig 仍返回正确记录。"),
            title,
            [
                Step(l, "Resolve the failing name from an affected pod.", "在受影响的 pod 中解析失败的域名。", "kubectl exec -it POD -- sh -c 'cat /etc/resolv.conf; nslookup NAME'", "NXDOMAIN, SERVFAIL or a timeout.", "NXDOMAIN、SERVFAIL 或超时。"),
                Step(l, "Query the authoritative servers directly.", "直接查询权威服务器。", "dig +trace NAME; dig @AUTHORITATIVE-NS NAME A", "The record is missing or the zone is broken.", "记录缺失或区域配置错误。"),
                Step(l, "Check the cluster resolver.", "检查集群内 DNS。", "kubectl -n kube-system logs -l k8s-app=kube-dns --since=30m | tail -n 50", "Errors, timeouts or overloaded CoreDNS.", "CoreDNS 报错、超时或过载。"),
            ],
            [
                Mitigate(l, "Restore the record or zone change (or point callers at a known-good address temporarily).", "恢复记录或区域变更（或临时让调用方使用已知可用的地址）。", "Hard-coded addresses go stale.", "硬编码地址可能过时。", "Remove the override once DNS is fixed.", "DNS 修复后去掉覆盖。"),
                Mitigate(l, "Scale the cluster resolver and enable node-local DNS caching.", "扩容集群 DNS 并启用节点本地 DNS 缓存。", "Cached wrong answers persist for their TTL.", "错误的缓存结果在 TTL 内持续存在。", "Scale back.", "缩回原规模。"),
            ],
            [
                Follow(l, "P1", "Synthetic DNS checks for critical names from inside the cluster", "在集群内对关键域名做主动拨测", "Platform team", "平台团队"),
                Follow(l, "P2", "Review and two-person approval for DNS record changes", "DNS 记录变更需双人审批", "Platform team", "平台团队"),
            ]);
    }
}
