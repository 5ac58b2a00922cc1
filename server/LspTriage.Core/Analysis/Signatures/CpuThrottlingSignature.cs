using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Containers held back by their CPU limit (CFS throttling): latency rises while CPU sits exactly at the limit.</summary>
internal sealed partial class CpuThrottlingSignature : FailureSignature
{
    public override string Id => "cpu-throttling";

    [GeneratedRegex(@"cpu_cfs_throttled|throttled_(periods|seconds|time|usec)|nr_throttled|CPUThrottlingHigh|CPU throttl\w*|throttl\w* (of )?(the )?CPU|cpu\.stat[^\n]{0,40}throttled|periods throttled", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ThrottledPattern();

    [GeneratedRegex(@"CPU[^\n]{0,40}\b(at|hits?|reached|pinned at) (the |its )?limit|\blimit:? \d+m\b|cpu:\s+\d+m?\s*$|\b(\d+)m\s+\d+Mi|CPU\s?限额|""cpu"":\s?""\d+m""|cpu: \d+m\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AtLimitPattern();

    [GeneratedRegex(@"(latency|p9\d|response time)[^\n]{0,60}(rose|jump\w*|climb\w*|increase\w*|spike\w*|from)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LatencyPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("throttled", ThrottledPattern(), 5.5),
        Indicator.Of("at-limit", AtLimitPattern(), 1.5),
        Indicator.Of("latency", LatencyPattern(), 1.5),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["cpu"];

    /// <summary>A measured share of throttled periods ("92.4% throttling of CPU", "71% of periods throttled") is the kernel's verdict.</summary>
    [GeneratedRegex(@"\d+(\.\d+)?\s?% (of periods )?throttl\w*|throttl\w*[^\n]{0,30}\b\d+(\.\d+)?\s?%|nr_throttled\s+[1-9]\d{2,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MeasuredPattern();

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "throttled");
        if (ev.Has("throttled") && facts.Clauses.Any(c => c.Relevance != Relevance.Elsewhere && MeasuredPattern().IsMatch(c.Text)))
        {
            ev.Score += 1.5;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var title = l.T($"{who} is CPU-throttled at its container CPU limit, so requests queue and latency rises",
            $"{who} 在容器 CPU 上限处被限流（CFS throttling），请求排队、延迟上升");
        return Result(ev, title,
            l.T("Throttled periods stay near zero while latency is high, or CPU usage is well below the limit.", "延迟升高时被限流周期接近零，或 CPU 用量远低于上限。"),
            title,
            [
                Step(l, "Measure the throttled share of CFS periods.", "测量被限流的 CFS 周期占比。",
                    $"sum(rate(container_cpu_cfs_throttled_periods_total{{container=\"{svc}\"}}[5m])) / sum(rate(container_cpu_cfs_periods_total{{container=\"{svc}\"}}[5m]))",
                    "A large share (above a quarter) of periods throttled.", "被限流周期占比很高（超过四分之一）。"),
                Step(l, "Compare usage with the limit.", "对比用量与上限。", $"kubectl top pod -n {Ns(f)} -l app={svc}; kubectl get deploy -n {Ns(f)} {svc} -o jsonpath='{{.spec.template.spec.containers[0].resources}}'",
                    "Usage equal to the CPU limit.", "CPU 用量等于上限。"),
            ],
            [
                Mitigate(l, "Raise (or remove) the CPU limit, or scale out replicas.", "提高（或去掉）CPU 上限，或增加副本。", "Noisy-neighbour contention on shared nodes.", "共享节点上可能相互争用。", "Restore the previous limit or replica count.", "恢复原上限或副本数。"),
                Mitigate(l, "Match runtime threads to the CPU limit (GOMAXPROCS, JVM ActiveProcessorCount, worker count).", "让运行时线程数匹配 CPU 上限（GOMAXPROCS、JVM ActiveProcessorCount、worker 数）。", "Lower peak parallelism.", "峰值并行度降低。", "Revert the setting.", "回退该设置。"),
            ],
            [
                Follow(l, "P2", "Alert on CPU throttling ratio per container, not only on CPU usage", "按容器对 CPU 限流比例告警，而不仅是 CPU 用量", "Platform team", "平台团队"),
            ]);
    }
}
