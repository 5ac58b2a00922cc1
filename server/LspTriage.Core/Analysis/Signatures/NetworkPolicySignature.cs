using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A NetworkPolicy (or firewall rule) that blocks DNS or egress: lookups and connections time out instead of failing fast.</summary>
internal sealed partial class NetworkPolicySignature : FailureSignature
{
    public override string Id => "network-policy";

    [GeneratedRegex(@"\b(Global)?NetworkPolic(y|ies)\b|network polic(y|ies)|\bnetpol\b|\b(default[-.])?deny-(all|external|egress|ingress)\b|default-deny|egress[^\n]{0,30}(blocked|denied|dropped|拒绝|阻断)|Policy denied|policy-verdict[^\n]{0,40}DENIED|\bDROPPED\b[^\n]{0,60}[Pp]olicy|网络策略", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PolicyPattern();

    [GeneratedRegex(@":53\b[^\n]{0,80}i/o timeout|i/o timeout[^\n]{0,80}:53\b|dial tcp [^\n]{0,80}(i/o timeout|connection timed out)|connect(ion)? timed out|SYN_SENT|no route to host", RegexOptions.CultureInvariant)]
    private static partial Regex TimeoutPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("policy", PolicyPattern(), 4),
        Indicator.Of("timeout", TimeoutPattern(), 2.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "policy");
        if (ev.Change is { } c && PolicyPattern().IsMatch(c.Clause.Text))
        {
            ev.Score += 1.5;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var dns = f.Clauses.Any(c => TimeoutPattern().IsMatch(c.Text) && c.Text.Contains(":53", StringComparison.Ordinal));
        var title = l.T(
            $"A NetworkPolicy{(ev.Change?.Clause.TimeText is { } t ? $" applied at {t}{ev.Change.ZoneSuffix}" : "")} blocks {who}'s {(dns ? "DNS lookups (port 53)" : "egress")}, so its calls time out",
            $"{(ev.Change?.Clause.TimeText is { } zt ? $"{zt}{ev.Change.ZoneSuffix} 应用的" : "")}NetworkPolicy 阻断了 {who} 的{(dns ? " DNS 查询（53 端口）" : "出站流量")}，调用因此超时");
        return Result(ev, title,
            l.T("The same call succeeds from the pod, or no policy selects the pod's namespace.", "从 pod 内发起同样的调用成功，或没有策略选中该命名空间。"),
            title,
            [
                Step(l, "List the policies that select the pod and their egress rules.", "列出选中该 pod 的策略及其出站规则。", $"kubectl get networkpolicy -n {Ns(f)} -o yaml | grep -B3 -A15 'policyTypes'",
                    "An Egress policy without a rule for kube-dns (UDP/TCP 53) or for the callee.", "Egress 策略缺少到 kube-dns（UDP/TCP 53）或被调用方的规则。"),
                Step(l, "Test DNS and the callee from the pod.", "在 pod 内测试 DNS 和被调用方。", $"kubectl exec -n {Ns(f)} deploy/{svc} -- sh -c 'nslookup kubernetes.default; nc -zv -w 3 HOST PORT'",
                    "Timeouts, not refusals.", "超时而不是拒绝连接。"),
            ],
            [
                Mitigate(l, "Add an egress rule for DNS (kube-system/kube-dns, UDP and TCP 53) and the needed destinations, or roll back the policy.", "为 DNS（kube-system/kube-dns，UDP 与 TCP 53）和所需目标添加出站规则，或回滚该策略。",
                    "A broad allow rule widens what the pods can reach.", "过宽的放行规则扩大了 pod 的可达范围。", "Re-apply the stricter policy with the fixed rules.", "补全规则后重新应用严格策略。"),
            ],
            [
                Follow(l, "P1", "Test NetworkPolicy changes in a staging namespace with a connectivity check (DNS + dependencies)", "在预发命名空间用连通性检查（DNS + 依赖）测试 NetworkPolicy 变更", "Platform team", "平台团队"),
            ]);
    }
}
