using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Read replicas falling behind the primary, serving stale reads.</summary>
internal sealed partial class ReplicationLagSignature : FailureSignature
{
    public override string Id => "replication-lag";

    [GeneratedRegex(@"replication lag|replica(tion)? (is )?(lag\w*|behind)|seconds_behind_master|Seconds_Behind_Master|replay_lag|replay lag|主从延迟|复制延迟|从库延迟", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LagPattern();

    [GeneratedRegex(@"stale (data|reads?|balances?|results)|read[- ]after[- ]write|not (yet )?visible|旧数据|数据不一致", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StalePattern();

    [GeneratedRegex(@"read replica|replica|standby|secondary|从库", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplicaPattern();

    [GeneratedRegex(@"\bWAL\b|binlog|long[- ]running (transaction|migration)|vacuum", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WalPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("lag", LagPattern(), 5),
        Indicator.Of("stale", StalePattern(), 2),
        Indicator.Of("replica", ReplicaPattern(), 1),
        Indicator.Of("wal", WalPattern(), 1),
    ];

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "lag");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"Read replicas lag behind the primary{(ev.Change is null ? "" : $" since {ChangePhrase(ev.Change, l)}")}, so {svc} serves stale reads",
            $"只读副本落后于主库{(ev.Change is null ? "" : $"（始于{ChangePhrase(ev.Change, l)}）")}，{svc} 读到旧数据");
        return Result(ev, title,
            l.T("Replay lag on every replica is near zero while the symptoms continue.", "症状持续期间所有副本的回放延迟接近零。"),
            title,
            [
                Step(l, "Measure lag on the primary.", "在主库上查看延迟。", "SELECT client_addr, state, write_lag, flush_lag, replay_lag FROM pg_stat_replication;",
                    "replay_lag of minutes on the replicas serving reads.", "提供读服务的副本 replay_lag 达到分钟级。"),
                Step(l, "Measure lag on a replica.", "在副本上查看延迟。", "SELECT now() - pg_last_xact_replay_timestamp() AS lag;", "A growing lag.", "延迟持续增长。"),
                Step(l, "Find what writes so much.", "找出大量写入的来源。", "SELECT pid, now() - xact_start AS age, left(query, 120) FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY age DESC NULLS LAST LIMIT 10;",
                    "A long transaction or bulk write on the primary.", "主库上有长事务或批量写入。"),
            ],
            [
                Mitigate(l, "Route reads that need fresh data to the primary.", "将需要最新数据的读请求路由到主库。",
                    "More load on the primary.", "主库负载增加。", "Route reads back to replicas once lag is low.", "延迟恢复后切回副本。"),
                Mitigate(l, "Pause the bulk write or migration driving the lag.", "暂停造成延迟的批量写入或迁移。", "The job finishes later.", "任务完成时间推迟。", "Resume it throttled.", "限速后恢复。"),
            ],
            [
                Follow(l, "P1", "Alert on replica replay lag and remove lagging replicas from the read pool automatically", "副本回放延迟告警，并自动将延迟副本移出读池", "Database team", "数据库团队"),
                Follow(l, "P2", "Throttle bulk writes and migrations", "批量写入和迁移限速", "Database team", "数据库团队"),
            ]);
    }
}
