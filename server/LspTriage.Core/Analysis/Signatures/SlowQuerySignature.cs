using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A slow query, usually a missing index or a plan change, degrading latency.</summary>
internal sealed partial class SlowQuerySignature : FailureSignature
{
    public override string Id => "slow-query";

    [GeneratedRegex(@"slow[_ ]query|slow log|slowlog|pg_stat_statements|long[- ]running quer", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlowLogPattern();

    [GeneratedRegex(@"full table scan|seq scan|no index|missing index|without (an )?index|index (was )?dropped|plan (changed|flipped)|全表扫描|缺少索引", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScanPattern();

    [GeneratedRegex(@"\d+(\.\d+)?\s?(s|ms|sec)\s*(per|each|/)\s*(execution|query|call)|mean_exec_time|query time", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\d+(\.\d+)?\s?[MK]\s+rows|rows (examined|scanned)|rows_examined", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RowsPattern();

    [GeneratedRegex(@"\bEXPLAIN\b|query plan|执行计划", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplainPattern();

    [GeneratedRegex(@"(IOPS|read I/O|disk read|buffer cache hit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DbIoPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("slow-log", SlowLogPattern(), 3),
        Indicator.Of("scan", ScanPattern(), 4),
        Indicator.Of("duration", DurationPattern(), 1.5),
        Indicator.Of("rows", RowsPattern(), 1),
        Indicator.Of("explain", ExplainPattern(), 1),
        Indicator.Of("db-io", DbIoPattern(), 0.5),
    ];

    protected override double ChangeWeight => 1;

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2, "slow-log", "scan");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var tc = f.Clauses.Select(c => ConnectionPoolExhaustionSignature.TableAndColumn().Match(c.Text)).FirstOrDefault(m => m.Success);
        var table = tc?.Groups["table"].Value;
        var column = tc?.Groups["column"].Value;
        var target = table is null ? l.T("a hot table", "热点表") : column is null ? table : $"{table}.{column}";
        var title = l.T(
            $"A slow query on {target}{(ev.Change is null ? "" : $", introduced by {ChangePhrase(ev.Change, l)}")} ({(ev.Has("scan") ? "missing index / full scan" : "slow plan")}) saturates the database and slows {svc}",
            $"{target} 上的慢查询{(ev.Change is null ? "" : $"（由{ChangePhrase(ev.Change, l)}引入）")}（{(ev.Has("scan") ? "缺索引/全表扫描" : "执行计划变差")}）拖慢数据库和 {svc}");
        return Result(ev, title,
            l.T("EXPLAIN shows an index scan and the query's mean time is unchanged from before the onset.", "EXPLAIN 显示走索引，且查询平均耗时与故障前相同。"),
            title,
            [
                Step(l, "Rank statements by total time.", "按总耗时排序 SQL。",
                    "SELECT calls, round(mean_exec_time) AS mean_ms, left(query, 120) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10;",
                    "The suspect query dominates total time.", "可疑查询占据大部分耗时。"),
                Step(l, "Check its plan.", "检查执行计划。",
                    table is null ? "EXPLAIN (ANALYZE, BUFFERS) <query>;" : $"EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM {table}{(column is null ? "" : $" WHERE {column} = 'pending'")};",
                    "Seq Scan over many rows.", "对大量行做 Seq Scan。"),
                Step(l, "See what is running now.", "查看当前运行的查询。",
                    "SELECT pid, now() - query_start AS age, left(query, 120) FROM pg_stat_activity WHERE state = 'active' ORDER BY age DESC;",
                    "Several copies of the slow query.", "存在多条相同的慢查询。"),
            ],
            [
                Mitigate(l, $"Add the missing index{(table is null ? "" : $" on {target}")} with CREATE INDEX CONCURRENTLY.", $"用 CREATE INDEX CONCURRENTLY 补上{(table is null ? "" : $" {target} 的")}索引。",
                    "Extra I/O while the index builds.", "建索引期间 I/O 增加。", "DROP INDEX CONCURRENTLY.", "DROP INDEX CONCURRENTLY。"),
                Mitigate(l, "Stop or throttle the caller issuing the query (job, endpoint or feature flag).", "停止或限流发出该查询的调用方（任务、接口或功能开关）。",
                    "The feature behind it is unavailable meanwhile.", "期间相关功能不可用。", "Re-enable once the index exists.", "索引建好后重新开启。"),
            ],
            [
                Follow(l, "P1", "Review query plans of new queries in code review (EXPLAIN on production-sized data)", "代码评审时用生产规模数据审查新查询的执行计划", "Database team", "数据库团队"),
                Follow(l, "P2", "Alert on slow queries from pg_stat_statements", "基于 pg_stat_statements 的慢查询告警", "Observability team", "可观测性团队"),
            ]);
    }
}
