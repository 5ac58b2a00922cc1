using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Signatures;

namespace LspTriage.Core.Tests.Analysis;

/// <summary>Each signature on a text that shows its failure mode and on a near miss that does not.</summary>
public sealed class SignatureTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "connection-pool-exhaustion",
            "10:14 UTC orders-api errors: \"HikariPool-1 - Connection is not available, request timed out after 30000ms\". db connections 200 / 200.",
            "10:14 UTC orders-api connects fine; db connections 40 / 200, no pool errors."
        },
        {
            "slow-query",
            "slow query log: SELECT * FROM invoices WHERE customer_id = 7 — Seq Scan, no index on customer_id, 3.2s per query.",
            "Queries are fast; p95 query time 4ms, every plan uses an index scan."
        },
        {
            "oom-kill",
            "worker pods restarting: lastState OOMKilled, exit code 137; memory climbs to the 1Gi limit.",
            "worker pods stable, memory normal at 300Mi, no restarts."
        },
        {
            "disk-full",
            "postgres logs: could not write to file \"pg_wal/xlogtemp\": No space left on device. /data 100% used.",
            "disk usage 41% on /data, plenty of space."
        },
        {
            "certificate-expiry",
            "clients fail with x509: certificate has expired or is not yet valid; notAfter=Mar 3 2026.",
            "TLS handshakes succeed; certificate valid for 80 more days."
        },
        {
            "dependency-outage",
            "Calls to the upstream payment provider return 503 from api.adyen.com; provider status page shows partial outage. No deploys today.",
            "All internal services healthy, nothing external involved."
        },
        {
            "bad-config-push",
            "09:58 UTC config push: feature flag search.new_ranker enabled for all regions. 10:00 UTC errors: failed to parse config: unknown field 'boost'.",
            "No config changes this week; errors are unrelated timeouts."
        },
        {
            "cache-stampede",
            "Redis cache hit ratio dropped from 95% to 4% after the hourly keys expired together (thundering herd); DB QPS spiked.",
            "Redis healthy, hit ratio steady."
        },
        {
            "replication-lag",
            "Replica lag: Seconds_Behind_Master 420 on db-replica-2; users see stale data after updates.",
            "Replicas in sync, no lag."
        },
        {
            "clock-skew",
            "Tokens rejected: token used before issued; chrony reports clock skew of 70 seconds on node-5.",
            "Clocks synchronized across hosts."
        },
        {
            "rate-limiting",
            "Upstream returns HTTP 429 Too Many Requests with Retry-After: 60; our quota for the day is exhausted.",
            "Upstream answers 200 OK at normal volume."
        },
        {
            "lock-contention",
            "ERROR: deadlock detected; many sessions waiting for ShareLock behind ALTER TABLE accounts.",
            "No lock waits in pg_locks; queries proceed normally."
        },
        {
            "dns-failure",
            "lookup api.internal on 10.0.0.2:53: no such host; dig returns NXDOMAIN since the zone change.",
            "Names resolve correctly; latency normal."
        },
        {
            "queue-backlog",
            "Kafka consumer lag on topic payments grew to 2M messages; consumers stuck in a rebalance loop.",
            "Consumers keep up; topic is empty."
        },
        {
            "traffic-spike",
            "Traffic spike: request rate jumped from 2k to 30k req/s after the TV campaign; HPA at max replicas.",
            "Traffic normal (flat vs last week); HPA at 6 of 40 replicas."
        },
        {
            "bad-deploy",
            "Time: 11:20 UTC errors start. 11:12 UTC — cart-svc v7.2.0 deployed. Logs: NullPointerException in CartMapper. Rollback to v7.1.9 fixed it.",
            "Time: 11:20 UTC errors start. No deploys in the last week."
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_its_failure_mode_with_verbatim_evidence(string id, string positive, string negative)
    {
        var signature = SignatureLibrary.Find(id)!;
        var match = signature.Match(FactExtractor.Extract(positive), AnalysisLanguage.English);
        Assert.NotNull(match);
        Assert.True(match.Confidence >= Confidence.Medium, $"{id}: score {match.Score}");
        Assert.NotEmpty(match.Evidence);
        Assert.All(match.Evidence, e => Assert.Contains(e, positive));
        Assert.NotEmpty(match.Checklist);
        Assert.NotEmpty(match.Mitigations);
        Assert.NotEmpty(match.FollowUps);
        Assert.All(match.FollowUps, f => Assert.Matches("^P[0-3]$", f.Priority));
        Assert.False(string.IsNullOrWhiteSpace(match.Refutation));
        _ = negative;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Does_not_match_a_near_miss(string id, string positive, string negative)
    {
        var signature = SignatureLibrary.Find(id)!;
        var match = signature.Match(FactExtractor.Extract(negative), AnalysisLanguage.English);
        Assert.True(match is null || match.Confidence == Confidence.Low, $"{id}: matched the near miss with score {match?.Score}");
        _ = positive;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chinese_output_is_chinese(string id, string positive, string negative)
    {
        var match = SignatureLibrary.Find(id)!.Match(FactExtractor.Extract(positive), AnalysisLanguage.Chinese)!;
        Assert.Contains(match.Title, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.Contains(match.Checklist[0].Step, c => c >= '\u4e00' && c <= '\u9fff');
        _ = negative;
    }

    [Fact]
    public void The_library_has_the_sixteen_signatures_of_the_issue()
    {
        Assert.Equal(16, SignatureLibrary.All.Select(s => s.Id).Distinct().Count());
    }
}
