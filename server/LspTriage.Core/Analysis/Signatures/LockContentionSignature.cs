using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Deadlocks or transactions queued behind a lock (often a migration's).</summary>
internal sealed partial class LockContentionSignature : FailureSignature
{
    public override string Id => "lock-contention";

    [GeneratedRegex(@"deadlock( detected| found)?|lock wait timeout|waiting for (a )?(lock|ShareLock|ExclusiveLock)|AccessExclusiveLock|lock contention|lock_timeout|could not obtain lock|死锁|锁等待", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeadlockPattern();

    [GeneratedRegex(@"ALTER TABLE|migration|CREATE INDEX(?! CONCURRENTLY)|VACUUM FULL|LOCK TABLE|schema change|DDL", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DdlPattern();

    [GeneratedRegex(@"pg_locks|blocked by|blocking|wait_event_type\s*=?\s*Lock|lock waits?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockingPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("deadlock", DeadlockPattern(), 5),
        Indicator.Of("ddl", DdlPattern(), 2),
        Indicator.Of("blocking", BlockingPattern(), 1.5),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "deadlock");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var title = l.T($"Lock contention{(ev.Has("ddl") ? " from a schema migration" : "")}{(ev.Change is null ? "" : $" ({ChangePhrase(ev.Change, l)})")}: transactions wait on or deadlock over the same rows or table",
            $"锁争用{(ev.Has("ddl") || ev.Change is not null ? $"（{string.Join("，", new[] { ev.Has("ddl") ? "由表结构迁移引起" : null, ev.Change is null ? null : ChangePhrase(ev.Change, l) }.Where(x => x is not null))}）" : "")}：事务在同一行或表上等待或死锁");
        return Result(ev, title,
            l.T("pg_locks shows no waiting locks while requests are slow.", "请求变慢时 pg_locks 中没有等待的锁。"),
            title,
            [
                Step(l, "Find blocked and blocking sessions.", "找出被阻塞和阻塞他人的会话。", "SELECT pid, pg_blocking_pids(pid) AS blocked_by, now() - query_start AS age, left(query, 100) FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;",
                    "Many sessions blocked by one pid.", "大量会话被同一个 pid 阻塞。"),
                Step(l, "Inspect ungranted locks.", "查看未授予的锁。", "SELECT locktype, relation::regclass, mode, granted, pid FROM pg_locks WHERE NOT granted;", "Waits on the same relation.", "都在等待同一张表。"),
                Step(l, "Check the database log for deadlocks.", "检查数据库日志中的死锁。", "grep -i 'deadlock detected' /var/log/postgresql/*.log | tail", "Deadlock reports naming the statements.", "死锁报告列出相关语句。"),
            ],
            [
                Mitigate(l, "Cancel the blocking session (pg_cancel_backend, then pg_terminate_backend).", "取消阻塞会话（先 pg_cancel_backend，再 pg_terminate_backend）。", "Its transaction rolls back; a migration must be re-run.", "其事务回滚；迁移需要重跑。", "Re-run the statement off-peak with lock_timeout set.", "在低峰期设置 lock_timeout 后重跑。"),
            ],
            [
                Follow(l, "P1", "Run migrations with lock_timeout and online-safe patterns (CONCURRENTLY, batched backfills)", "迁移设置 lock_timeout 并使用在线安全的方式（CONCURRENTLY、分批回填）", "Database team", "数据库团队"),
                Follow(l, "P2", "Alert on lock waits and deadlocks", "锁等待和死锁告警", "Observability team", "可观测性团队"),
            ]);
    }
}
