using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Readiness, liveness or startup probes failing: pods leave the load balancer or are killed and restarted.</summary>
internal sealed partial class ProbeFailureSignature : FailureSignature
{
    public override string Id => "probe-failure";

    [GeneratedRegex(@"(Readiness|Liveness|Startup) probe failed|failed (liveness|startup) probe", RegexOptions.CultureInvariant)]
    private static partial Regex ProbeFailedPattern();

    [GeneratedRegex(@"\bUnhealthy\b|will be restarted|\bKilling\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnhealthyPattern();

    [GeneratedRegex(@"probe[^\n]{0,200}(context deadline exceeded|Client\.Timeout|statuscode: 5\d\d|connection refused|timeout)", RegexOptions.CultureInvariant)]
    private static partial Regex ProbeCausePattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("probe-failed", ProbeFailedPattern(), 5),
        Indicator.Of("unhealthy", UnhealthyPattern(), 1.5),
        Indicator.Of("probe-cause", ProbeCausePattern(), 1),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts) => ev.CapUnless(2, "probe-failed");

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var liveness = ev.ClauseOf("probe-failed")?.Text.Contains("iveness", StringComparison.Ordinal) == true || f.Clauses.Any(c => c.Text.Contains("Liveness probe failed", StringComparison.Ordinal));
        var title = l.T(
            $"{who} fails its health probes (the endpoint answers too slowly or with errors){(liveness ? ", so the kubelet restarts it" : ", so it is taken out of the load balancer")}",
            $"{who} 健康探针失败（探测端点响应过慢或报错）{(liveness ? "，kubelet 因此重启容器" : "，因此被移出负载均衡")}");
        return Result(ev, title,
            l.T("The probe endpoint answers within its timeout from inside the pod while the probe events continue.", "探针事件持续时，从 pod 内部访问探测端点能在超时内返回。"),
            title,
            [
                Step(l, "Call the probe endpoint from inside the pod with the probe's timeout.", "在 pod 内按探针超时访问探测端点。",
                    $"kubectl exec -n {Ns(f)} deploy/{svc} -- sh -c 'time wget -qO- -T 1 http://127.0.0.1:PORT/PATH'",
                    "Slower than the probe timeout, or an error status.", "慢于探针超时或返回错误状态。"),
                Step(l, "Check what the probe depends on and the pod's saturation.", "检查探针依赖的组件和 pod 的资源饱和度。", $"kubectl top pod -n {Ns(f)} -l app={svc}; kubectl logs -n {Ns(f)} deploy/{svc} --since=15m | grep -iE 'health|ready|timeout'",
                    "A health check that calls a slow dependency, or CPU at its limit.", "健康检查调用了慢依赖，或 CPU 打满限额。"),
            ],
            [
                Mitigate(l, "Relax the probe (longer timeout/period, higher failureThreshold) so restarts stop while the cause is fixed.", "放宽探针（更长的超时/周期、更高的失败阈值），在修复期间停止重启。",
                    "Genuinely dead pods are detected later.", "真正失效的 pod 会更晚被发现。", "Restore the previous probe settings.", "恢复原探针配置。"),
                Mitigate(l, "Make liveness check the process only, not its dependencies.", "让存活探针只检查进程本身，不检查依赖。", "Dependency outages show up only in readiness.", "依赖故障只体现在就绪探针中。", "Revert the probe change.", "回退探针改动。"),
            ],
            [
                Follow(l, "P2", "Review probe endpoints: liveness must not depend on downstream services", "审查探针端点：存活探针不能依赖下游服务", $"{svc} team", $"{svc} 团队"),
            ]);
    }
}
