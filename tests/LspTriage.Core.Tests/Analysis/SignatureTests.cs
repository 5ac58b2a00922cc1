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
        {
            "crash-loop-command",
            "ledger-api-7f6d9c8b5-2hx9k   0/1   CrashLoopBackOff   9 (2m13s ago)   24m\n  Warning  Failed   2m (x10 over 24m)   kubelet  Error: failed to create containerd task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"gunicorn\": executable file not found in $PATH: unknown",
            "ledger-api-7f6d9c8b5-2hx9k   1/1   Running   0   24m\nINFO gunicorn booting worker with pid 12; PATH=/usr/local/bin:/usr/bin"
        },
        {
            "crash-loop-config",
            "push-sender-7d8c9b6f5-2xk4m   0/1   CreateContainerConfigError   0   7m\n  Warning  Failed  5m (x12 over 7m)  kubelet  Error: secret \"apns-credentials\" not found",
            "push-sender-7d8c9b6f5-2xk4m   1/1   Running   0   7m\nLoaded secret apns-credentials (3 keys) from /etc/secrets"
        },
        {
            "crash-loop-exception",
            "catalog-7b9c8d6f5-k2x9q   0/1   CrashLoopBackOff   6 (45s ago)   9m\n$ kubectl logs catalog-7b9c8d6f5-k2x9q --previous\njava.lang.IllegalStateException: Failed to load price rules: unexpected token 'discount_pct' at line 14\n\tat com.acme.catalog.pricing.RuleLoader.load(RuleLoader.java:88)",
            "catalog-7b9c8d6f5-k2x9q   1/1   Running   0   9m\nWARN retrying price rule load after IllegalStateException, loaded on attempt 2"
        },
        {
            "image-pull",
            "  Warning  Failed     9m (x4 over 11m)    kubelet  Failed to pull image \"ghcr.io/acme/cart-api:2.31.0\": rpc error: code = NotFound desc = failed to resolve reference \"ghcr.io/acme/cart-api:2.31.0\": not found\n  Warning  Failed     6m (x20 over 11m)   kubelet  Error: ImagePullBackOff",
            "  Normal   Pulled     9m   kubelet  Successfully pulled image \"ghcr.io/acme/cart-api:2.31.0\" in 2.1s"
        },
        {
            "unschedulable",
            "2m   Warning   FailedScheduling   pod/search-indexer-7c9d8f6b5-2lq9x   0/6 nodes are available: 3 Insufficient memory, 3 node(s) didn't match Pod's node affinity/selector.",
            "2m   Normal   Scheduled   pod/search-indexer-7c9d8f6b5-2lq9x   Successfully assigned search/search-indexer-7c9d8f6b5-2lq9x to node-3"
        },
        {
            "probe-failure",
            "  Warning  Unhealthy  2m (x31 over 12m)  kubelet  Readiness probe failed: Get \"http://10.8.3.22:8080/ready\": context deadline exceeded\n  Normal   Killing    2m (x4 over 12m)   kubelet  Container gateway failed liveness probe, will be restarted",
            "    Readiness:      http-get http://:8080/ready delay=5s timeout=1s period=5s #success=1 #failure=3\n    Ready:          True"
        },
        {
            "eviction",
            "4m   Warning   Evicted   pod/thumbnailer-5d7f8c9b6-h2k8q   The node was low on resource: ephemeral-storage. Container thumbnailer was using 38Gi, request is 0.",
            "thumbnailer writes 2Gi of scratch data per job to an emptyDir with sizeLimit 10Gi; nodes have 200Gi free."
        },
        {
            "pvc-pending",
            "  Warning  ProvisioningFailed  41s (x26 over 6m)  persistentvolume-controller  storageclass.storage.k8s.io \"fast-ssd\" not found",
            "data-ledger-db-0   Bound   pvc-9c1e   100Gi   RWO   fast-ssd   41d"
        },
        {
            "cpu-throttling",
            "pricing-svc p99 latency rose from 180ms to 2.3s. container_cpu_cfs_throttled_periods_total / container_cpu_cfs_periods_total: 71% of periods throttled (limit 500m).",
            "pricing-svc CPU 35% of its limit (normal); no throttling in cpu.stat."
        },
        {
            "network-policy",
            "13:38 UTC applied NetworkPolicy default-deny-egress in risk. 13:41 UTC lookup fraud-model.ml.svc on 10.96.0.10:53: read udp 10.3.4.9:41233->10.96.0.10:53: i/o timeout",
            "NetworkPolicy allow-dns lets every pod reach kube-dns on 53; lookups resolve in 2ms."
        },
        {
            "broker-partition",
            "2026-03-11 03:09:52.118 [error] <0.812.0> Mnesia('rabbit@rmq-0'): ** ERROR ** mnesia_event got {inconsistent_database, running_partitioned_network, 'rabbit@rmq-2'}",
            "rabbitmqctl cluster_status: running_nodes rmq-0 rmq-1 rmq-2, partitions: [] (none); queues healthy."
        },
        {
            "database-unreachable",
            "time=2026-02-11T10:01:58Z level=error msg=\"dial tcp 10.12.4.7:3306: connect: connection refused\" component=store db=profiles",
            "time=2026-02-11T10:01:58Z level=info msg=\"connected to mysql 10.12.4.7:3306 in 3ms\" component=store db=profiles"
        },
        {
            "expired-credentials",
            "2026-10-01T00:00:14Z ERROR upload failed: operation error S3: PutObject, api error ExpiredToken: The provided token has expired.",
            "x509: certificate has expired or is not yet valid: current time 2026-10-01T00:00:14Z is after 2026-09-30T23:59:59Z"
        },
        {
            "slow-dependency",
            "checkout-api  POST /api/v1/checkout   6.21s\n├─ checkout-api  auth.verify   12ms\n├─ checkout-api  pg.query SELECT orders FOR UPDATE   5.94s\n└─ checkout-api  kafka.produce order-events   9ms",
            "checkout-api  POST /api/v1/checkout   210ms\n├─ checkout-api  auth.verify   12ms\n├─ checkout-api  pg.query SELECT orders   41ms\n└─ checkout-api  kafka.produce order-events   9ms"
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
    public void The_library_has_the_thirty_signatures_of_the_issues()
    {
        Assert.Equal(30, SignatureLibrary.All.Select(s => s.Id).Distinct().Count());
    }

    /// <summary>Text every paste of a kind carries, or a word inside another word, must not read as a failure mode.</summary>
    public static TheoryData<string, string> NotEvidence() => new()
    {
        {
            "bad-config-push",
            "Volumes:\n  kube-api-access-8xk2p:\n    Type:                    Projected\n    ConfigMapName:           kube-root-ca.crt\n    ConfigMapOptional:       <nil>\nQoS Class:                   Burstable\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n14:02 UTC orders-api 5xx rate 12%"
        },
        {
            "traffic-spike",
            "14:02 UTC checkout errors: dial tcp: lookup promotions.pricing.svc.cluster.local: no such host; campaign-api.internal answered 200"
        },
        {
            "rate-limiting",
            "pricing-svc p99 latency rose from 180ms to 2.3s; container_cpu_cfs_throttled_periods_total: 71% of periods throttled; CPU throttling at the 500m limit"
        },
        {
            "oom-kill",
            "NAME                     READY   STATUS    RESTARTS   AGE\nworker-7d8c9b6f5-2xk4m   1/1     Running   0          7m\nworker memory 1.2GiB of 4GiB limit"
        },
    };

    [Theory]
    [MemberData(nameof(NotEvidence))]
    public void Boilerplate_and_words_inside_names_are_not_evidence(string id, string text)
    {
        var match = SignatureLibrary.Find(id)!.Match(FactExtractor.Extract(text), AnalysisLanguage.English);
        Assert.True(match is null, $"{id} matched with score {match?.Score}: {string.Join(" | ", match?.Evidence ?? [])}");
    }
}
