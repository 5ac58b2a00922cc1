using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Stacks;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Database connections used up: "too many clients", pool timeouts, active connections at their maximum.</summary>
internal sealed partial class ConnectionPoolExhaustionSignature : FailureSignature
{
    public override string Id => "connection-pool-exhaustion";

    [GeneratedRegex(@"too many (clients|connections)|remaining connection slots|max_connections reached|ER_CON_COUNT_ERROR", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TooManyClientsPattern();

    [GeneratedRegex(@"(connection )?pool (is )?(exhausted|timeout|timed out)|timeout waiting for (a )?connection|could not (obtain|acquire|get) (a )?connection|HikariPool.*(timeout|not available)|pool size .* reached|连接池(耗尽|打满|满)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoolTimeoutPattern();

    [GeneratedRegex(@"connections?\w*\s*[:=]?\s*(\d+)\s*/\s*\1(?!\d)|connections?[^\n]{0,20}\b100\s?%|total=(\d+), active=\2\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionsAtMaxPattern();

    [GeneratedRegex(@"max_connections|maxPoolSize|max pool|pool_size|maximumPoolSize", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaxConnectionsPattern();

    [GeneratedRegex(@"waiting_queries|\bwaiting=[1-9]|waiting for (a )?connection|queued connections|pending acquires|threads awaiting", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitingPattern();

    [GeneratedRegex(@"connection refused|ECONNREFUSED", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefusedPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("too-many-clients", TooManyClientsPattern(), 4),
        Indicator.Of("pool-timeout", PoolTimeoutPattern(), 4),
        Indicator.Of("connections-at-max", ConnectionsAtMaxPattern(), 4),
        Indicator.Of("max-connections", MaxConnectionsPattern(), 1),
        Indicator.Of("waiting", WaitingPattern(), 1),
        Indicator.Of("refused", RefusedPattern(), 1),
    ];

    protected override double ChangeWeight => 2;

    [GeneratedRegex(@"(?<name>(\b[\w-]+\s+){0,2}(batch|job|cron job|worker|backfill|export))\b[^\n]{0,40}?\(?cron:?\s*(?<cron>[*/0-9,\- ]{9,}[*0-9])|(?<name>(\b[\w-]+\s+){0,2}(batch|job|backfill|export))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Job();

    [GeneratedRegex(@"(\d+(\.\d+)?\s?(s|ms|sec|seconds))\s*(per|each|/)\s*(execution|query|call|run)|(took|taking|running)\s+~?(\d+(\.\d+)?\s?(s|ms))", RegexOptions.IgnoreCase)]
    internal static partial Regex QueryDuration();

    [GeneratedRegex(@"full table scan|seq scan|no index|missing index|without (an )?index|全表扫描|缺少索引", RegexOptions.IgnoreCase)]
    internal static partial Regex Unindexed();

    [GeneratedRegex(@"\bFROM\s+(?<table>[a-z_][\w.]*)\s+WHERE\s+(?<column>[a-z_]\w*)\s*(=|IN|<|>)", RegexOptions.IgnoreCase)]
    internal static partial Regex TableAndColumn();

    [GeneratedRegex(@"postgres|postgresql|psql|pg_", RegexOptions.IgnoreCase)]
    private static partial Regex Postgres();

    [GeneratedRegex(@"mysql|innodb", RegexOptions.IgnoreCase)]
    private static partial Regex MySql();

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2, "too-many-clients", "pool-timeout", "connections-at-max");
        if (facts.Clauses.Any(c => Unindexed().IsMatch(c.Text) || QueryDuration().IsMatch(c.Text)))
        {
            ev.Score += 1;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var stack = StackDetector.Detect(f.Raw);
        var db = stack.Contains(Technology.PostgreSql) ? "Postgres" : stack.Contains(Technology.MySql) || MySql().IsMatch(f.Raw) ? "MySQL" : Postgres().IsMatch(f.Raw) ? "Postgres" : l.T("database", "数据库");
        var extra = new List<string>();

        var jobClause = f.Clauses.FirstOrDefault(c => Job().IsMatch(c.Text) && (c.Text.Contains("cron", StringComparison.OrdinalIgnoreCase) || c.Text.Contains("added", StringComparison.OrdinalIgnoreCase) || c.Text.Contains("new", StringComparison.OrdinalIgnoreCase)));
        string? jobName = null;
        string? cron = null;
        if (jobClause is not null)
        {
            var jm = Job().Match(jobClause.Text);
            jobName = jm.Groups["name"].Value.Trim();
            cron = jm.Groups["cron"].Success ? jm.Groups["cron"].Value.Trim() : null;
            var cronAt = cron is null ? jm.Index : jobClause.Text.IndexOf(cron, StringComparison.Ordinal);
            extra.Add(Quote.Around(jobClause.Text, cronAt));
        }
        var slowClause = f.Clauses.FirstOrDefault(c => Unindexed().IsMatch(c.Text) && QueryDuration().IsMatch(c.Text))
                         ?? f.Clauses.FirstOrDefault(c => QueryDuration().IsMatch(c.Text))
                         ?? f.Clauses.FirstOrDefault(c => Unindexed().IsMatch(c.Text));
        string? duration = null;
        string? table = null;
        string? column = null;
        if (slowClause is not null)
        {
            var dm = QueryDuration().Match(slowClause.Text);
            duration = dm.Success ? dm.Value : null;
            var tc = f.Clauses.Select(c => TableAndColumn().Match(c.Text)).FirstOrDefault(m => m.Success);
            table = tc?.Groups["table"].Value;
            column = tc?.Groups["column"].Value;
            extra.Add(Quote.Around(slowClause.Text, dm.Success ? dm.Index : 0));
        }
        var atMax = ev.ClauseOf("connections-at-max");
        var atMaxText = atMax is not null && Regex.Match(atMax.Text, @"(\d+)\s*/\s*\1(?!\d)|total=(\d+), active=\2\b") is { Success: true } am ? am.Value : null;
        if (atMax is not null)
        {
            extra.Insert(0, atMax.Text.Length <= Quote.MaxLength ? atMax.Text : Quote.Around(atMax.Text, 0));
        }

        var unindexed = slowClause is not null && Unindexed().IsMatch(slowClause.Text);
        var version = ev.Change?.Version;
        string title;
        if (jobName is not null && slowClause is not null)
        {
            title = l.T(
                $"The {jobName}{(version is null ? "" : $" added in {version}")}{(cron is null ? "" : $" (cron {cron})")} runs {(unindexed ? "an unindexed full-table-scan query" : "a slow query")}{(duration is null ? "" : $" ({duration})")} on every run; the queries hold {db} connections until the connection pool is exhausted{(atMaxText is null ? "" : $" ({atMaxText})")} and {svc} requests fail",
                $"{(version is null ? "" : $"{version} 新增的")} {jobName}{(cron is null ? "" : $"（cron {cron}）")} 每次运行都执行{(unindexed ? "无索引的全表扫描查询" : "慢查询")}{(duration is null ? "" : $"（{duration}）")}，长时间占用 {db} 连接，导致连接池耗尽{(atMaxText is null ? "" : $"（{atMaxText}）")}，{svc} 请求失败");
        }
        else if (slowClause is not null)
        {
            title = l.T(
                $"{(unindexed ? "An unindexed query" : "A slow query")}{(duration is null ? "" : $" ({duration})")}{(ev.Change is null ? "" : $" introduced by {ChangePhrase(ev.Change, l)}")} holds {db} connections until the pool is exhausted{(atMaxText is null ? "" : $" ({atMaxText})")}",
                $"{(ev.Change is null ? "" : $"{ChangePhrase(ev.Change, l)}引入的")}{(unindexed ? "无索引查询" : "慢查询")}{(duration is null ? "" : $"（{duration}）")}长时间占用 {db} 连接，连接池耗尽{(atMaxText is null ? "" : $"（{atMaxText}）")}");
        }
        else
        {
            title = l.T(
                $"{svc} exhausts its {db} connection pool{(atMaxText is null ? "" : $" ({atMaxText})")}{(ev.Change is null ? "" : $" after {ChangePhrase(ev.Change, l)}")}: connections are held too long or leaked, so new requests cannot get one",
                $"{svc} 的 {db} 连接池耗尽{(atMaxText is null ? "" : $"（{atMaxText}）")}{(ev.Change is null ? "" : $"，发生在{ChangePhrase(ev.Change, l)}之后")}：连接被长时间占用或泄漏，新请求拿不到连接");
        }

        var mysql = db == "MySQL";
        var checklist = mysql
            ? new List<Model.ChecklistStep>
            {
                Step(l, "Find who holds the database connections and what they run.", "查看谁占用了数据库连接、在执行什么。",
                    "SELECT user, host, command, state, count(*), max(time) AS longest FROM information_schema.processlist GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC;",
                    $"Most connections come from {svc}, busy on the same query or sleeping inside a transaction.", $"大部分连接来自 {svc}，在执行同一条查询或在事务中空闲。"),
                Step(l, "List the longest-running statements.", "列出运行时间最长的语句。", "SHOW FULL PROCESSLIST;",
                    "The slow query (or the job's query) at the top, started in repeated waves.", "慢查询（或批处理任务的查询）排在最前，并成批重复出现。"),
            }
            : new List<Model.ChecklistStep>
        {
            Step(l, "Find who holds the database connections and what they run.", "查看谁占用了数据库连接、在执行什么。",
                "SELECT application_name, client_addr, state, count(*), max(now() - query_start) AS longest FROM pg_stat_activity GROUP BY 1, 2, 3 ORDER BY 4 DESC;",
                $"Most connections come from {svc} and are active or idle in transaction on the same query.", $"大部分连接来自 {svc}，处于 active 或 idle in transaction，执行同一条查询。"),
            Step(l, "List the longest-running queries.", "列出运行时间最长的查询。",
                "SELECT pid, now() - query_start AS age, state, left(query, 120) FROM pg_stat_activity WHERE state <> 'idle' ORDER BY age DESC LIMIT 20;",
                "The slow query (or the job's query) is at the top, started in repeated waves.", "慢查询（或批处理任务的查询）排在最前，并成批重复出现。"),
        };
        if (jobName is not null)
        {
            checklist.Add(Step(l, $"Confirm the {jobName} runs on the schedule and overlaps the onset.", $"确认 {jobName} 的运行时间与故障开始时间重叠。",
                $"kubectl logs -l app={svc} --since=1h | grep -Ei 'cron|batch|settlement|job' | tail -n 50",
                "Job runs start before each connection spike.", "每次连接数飙升前都有一次任务运行。"));
        }
        if (table is not null && column is not null)
        {
            checklist.Add(Step(l, $"Confirm the query plan scans {table} without an index on {column}.", $"确认 {table} 上针对 {column} 的查询是全表扫描。",
                mysql ? $"EXPLAIN ANALYZE SELECT * FROM {table} WHERE {column} = 'pending';" : $"EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM {table} WHERE {column} = 'pending';",
                "Seq Scan on the table instead of an Index Scan.", "执行计划为 Seq Scan，而不是 Index Scan。"));
        }
        checklist.Add(Step(l, "Check the pool configuration against the database limit.", "核对连接池配置与数据库上限。",
            mysql ? "SHOW VARIABLES LIKE 'max_connections'; SHOW STATUS LIKE 'Threads_connected';" : "SHOW max_connections; SELECT count(*) FROM pg_stat_activity;",
            "Used connections equal max_connections.", "已用连接数等于 max_connections。"));

        var mitigations = new List<Model.MitigationStep>();
        if (jobName is not null)
        {
            mitigations.Add(Mitigate(l, $"Stop the {jobName} (disable its schedule or scale its worker to zero) and terminate its running queries.", $"停止 {jobName}（关闭调度或把 worker 缩容到零），并终止其正在运行的查询。",
                "The batch's pending work stays undone until it is re-run; terminated transactions roll back.", "批处理未完成的工作需要之后重跑；被终止的事务会回滚。",
                "Re-enable the schedule once the query is fixed.", "查询修复后重新开启调度。"));
        }
        else
        {
            mitigations.Add(Mitigate(l, "Terminate the long-running queries holding connections.", "终止长时间占用连接的查询。",
                "Terminated transactions roll back; clients see errors for those requests.", "被终止的事务会回滚，相关请求报错。",
                "None needed; restart the affected pods if connections do not recover.", "无需回滚；若连接未恢复，重启受影响的 pod。"));
        }
        if (ev.Change is not null)
        {
            mitigations.Add(Mitigate(l, $"Roll back {svc} to the release before {ChangePhrase(ev.Change, l)}.", $"将 {svc} 回滚到{ChangePhrase(ev.Change, l)}之前的版本。",
                "Other fixes in the same release are rolled back too; a rollout restarts pods.", "同一版本中的其他修复也会被回滚；发布过程会重启 pod。",
                "Re-deploy the current release with the job disabled.", "在关闭任务的前提下重新部署当前版本。"));
        }
        if (table is not null && column is not null)
        {
            mitigations.Add(Mitigate(l, $"Add an index on {table} ({column}) with CREATE INDEX CONCURRENTLY.", $"用 CREATE INDEX CONCURRENTLY 为 {table}({column}) 建索引。",
                "Building the index adds I/O load on the primary while it runs.", "建索引期间会增加主库 I/O 负载。",
                $"DROP INDEX CONCURRENTLY the new index.", "DROP INDEX CONCURRENTLY 删除新索引。"));
        }
        mitigations.Add(Mitigate(l, "Cap the pool per pod (or put a pooler such as PgBouncer in front) so one workload cannot take every connection.", "限制每个 pod 的连接池大小（或在前面加 PgBouncer），避免单一负载占满所有连接。",
            "Too small a pool queues requests in the application.", "连接池过小会让请求在应用内排队。",
            "Restore the previous pool settings.", "恢复原来的连接池配置。"));

        var followUps = new List<Model.FollowUp>();
        if (table is not null && column is not null)
        {
            followUps.Add(Follow(l, "P0", $"Add an index on {table}.{column}", $"为 {table}.{column} 添加索引", "Database team", "数据库团队"));
        }
        followUps.Add(Follow(l, "P1", $"Alert when {db} active connections approach max_connections", $"{db} 活跃连接接近 max_connections 时告警", "Platform team", "平台团队"));
        followUps.Add(Follow(l, "P1", "Alert on slow queries and review query plans of new jobs before release", "慢查询告警，并在上线前审查新任务的执行计划", "Observability team", "可观测性团队"));
        if (jobName is not null)
        {
            followUps.Add(Follow(l, "P1", $"Put the {jobName} behind a feature flag and give it its own small connection pool", $"为 {jobName} 加功能开关，并使用独立的小连接池", $"{svc} team", $"{svc} 团队"));
        }
        followUps.Add(Follow(l, "P2", "Update the runbook for connection-pool exhaustion", "更新连接池耗尽的运行手册", "On-call SRE", "值班 SRE"));

        var rootCause = title;
        var refutation = l.T(
            $"pg_stat_activity shows most connections idle or owned by clients other than {svc}, or connections stay at the maximum after the job is stopped.",
            $"pg_stat_activity 显示大部分连接空闲或来自 {svc} 以外的客户端；或者停止任务后连接数仍然维持在上限。");
        return Result(ev, title, refutation, rootCause, checklist, mitigations, followUps, extra) with
        {
            Subsumes = slowClause is not null ? ["slow-query"] : [],
        };
    }
}
