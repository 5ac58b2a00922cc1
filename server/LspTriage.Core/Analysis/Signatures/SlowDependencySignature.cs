using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>One slow dependency seen in a trace: a child span takes most of the request's time.</summary>
internal sealed partial class SlowDependencySignature : FailureSignature
{
    public override string Id => "slow-dependency";

    [GeneratedRegex(@"\b(slow|long) spans?\b|\bspan\b[^\n]{0,60}\b\d+(\.\d+)?\s?s\b|\btrace\b[^\n]{0,60}(slow|spent|dominated)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SlowSpanPattern();

    [GeneratedRegex(@"(latency|p9\d|response time|duration)[^\n]{0,60}(rose|jump\w*|climb\w*|increase\w*|spike\w*|from)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LatencyPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("slow-span", SlowSpanPattern(), 2),
        Indicator.Of("latency", LatencyPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        if (Dominant(facts) is { } d)
        {
            ev.Score += 5;
            ev.Hits.Add((Indicator.Of("dominant-span", SlowSpanPattern(), 5), d.Clause, 0));
        }
        else
        {
            ev.Score = Math.Min(ev.Score, 2.5);
        }
    }

    /// <summary>
    /// The span that takes at least half of a slow request's time (the longest span, half a second or more). In a tree
    /// the parents of the slow call qualify too; the last one printed is the deepest, the most specific.
    /// </summary>
    private static TraceSpan? Dominant(ContextFacts f)
    {
        if (f.Spans.Count < 2)
        {
            return null;
        }
        var request = f.Spans.MaxBy(s => s.Milliseconds)!;
        return request.Milliseconds < 500 ? null : f.Spans.LastOrDefault(s => s != request && s.Milliseconds >= request.Milliseconds / 2);
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var who = ServiceOf(f, l);
        var span = Dominant(f);
        var name = span?.Name ?? l.T("one dependency call", "某个依赖调用");
        var title = l.T($"Requests to {who} are slow because one dependency call dominates them: {name} takes {span?.DurationText ?? "most of the time"}",
            $"{who} 的请求变慢是因为一个依赖调用占据了大部分时间：{name} 耗时 {span?.DurationText ?? "大部分时间"}");
        var db = span is not null && Regex.IsMatch(span.Name, @"\b(pg|postgres|sql|mysql|SELECT|UPDATE|INSERT|db)\b", RegexOptions.IgnoreCase);
        return Result(ev, title,
            l.T("Other traces from the same period show the time spent elsewhere, or the dependency's own latency is normal.", "同期其他 trace 的耗时在别处，或该依赖自身延迟正常。"),
            title,
            [
                Step(l, "Confirm across many traces that this span dominates.", "在大量 trace 中确认该 span 占主导。", "Tracing UI: group slow traces by span name and compare p99 per span",
                    "The same span is the longest in most slow traces.", "大多数慢 trace 中最长的都是该 span。"),
                db
                    ? Step(l, "Look at what the database is waiting on during that query.", "查看该查询执行时数据库在等待什么。", "SELECT pid, wait_event_type, wait_event, now() - query_start AS age, left(query, 80) FROM pg_stat_activity WHERE state <> 'idle' ORDER BY age DESC LIMIT 20;",
                        "Lock waits or a long-running scan on the traced query.", "被追踪的查询在等锁或长时间扫描。")
                    : Step(l, "Check the dependency's own latency and saturation.", "检查该依赖自身的延迟和饱和度。", "Dependency dashboard: p99 latency, saturation, error rate for the same window",
                        "The dependency is slow at the same time.", "依赖在同一时段变慢。"),
            ],
            [
                Mitigate(l, "Put a tight timeout (and a fallback) on the slow call so requests fail fast instead of piling up.", "为慢调用设置较短超时（和降级），让请求快速失败而不是堆积。",
                    "Requests that needed the call fail instead of being slow.", "需要该调用的请求会失败而不是变慢。", "Restore the previous timeout.", "恢复原超时设置。"),
                Mitigate(l, "Fix the dependency's slowness (index, lock, capacity) or shed load on the slow path.", "解决依赖变慢的原因（索引、锁、容量），或对慢路径限流。",
                    "Shed requests are lost.", "被限流的请求会丢失。", "Remove the shedding.", "取消限流。"),
            ],
            [
                Follow(l, "P2", "Alert on per-dependency latency from traces, not only on endpoint latency", "基于 trace 对各依赖的延迟告警，而不仅是接口延迟", "Observability team", "可观测性团队"),
            ],
            span is null ? null : [Quote.Around(span.Clause.Text, 0)]);
    }
}
