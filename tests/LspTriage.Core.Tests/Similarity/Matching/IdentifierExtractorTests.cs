using LspTriage.Core.Similarity.Matching;

namespace LspTriage.Core.Tests.Similarity.Matching;

public sealed class IdentifierExtractorTests
{
    [Fact]
    public void English_names_survive_inside_Chinese_prose_and_prose_words_do_not_count()
    {
        const string text = """
            23:07 UTC+8 告警 PaymentSvcErrorRateHigh，payment-svc 5xx 9% 且还在涨，p99 3.9s（平时 110ms）。
            日志："org.postgresql.util.PSQLException: FATAL: sorry, too many clients already"，连 postgres-primary:5432 也有 "connection refused"。
            postgres-primary：active_connections 300 / 300（max_connections），CPU 只有 28%。
            22:55 刚发布 payment-svc v2.19，每个 Pod 建了 HikariCP 池（maximumPoolSize=20），see `pgbouncer.ini` and the on-call runbook.
            Kubernetes reported OOMKilled and CrashLoopBackOff; dig returned NXDOMAIN for ledger.db.internal; ORA-00060 once.
            """;
        var ids = IdentifierExtractor.Extract(text, service: "payment-svc");
        foreach (var expected in new[]
                 {
                     "PaymentSvcErrorRateHigh", "org.postgresql.util.PSQLException: FATAL: sorry, too many clients already",
                     "postgres-primary", "active_connections", "max_connections", "v2.19", "maximumPoolSize", "pgbouncer.ini",
                     "OOMKilled", "CrashLoopBackOff", "NXDOMAIN", "ledger.db.internal", "ORA-00060", "connection refused",
                 })
        {
            Assert.Contains(expected, ids);
        }
        Assert.DoesNotContain("payment-svc", ids); // the service is its own signal
        Assert.DoesNotContain("on-call", ids);
        Assert.DoesNotContain(ids, i => i.Contains("告警", StringComparison.Ordinal));
        Assert.DoesNotContain("UTC", ids);
        Assert.DoesNotContain("Kubernetes", ids); // one capitalised word is prose
    }

    [Fact]
    public void Repeats_in_another_case_count_once_and_the_first_spelling_is_kept()
    {
        var ids = IdentifierExtractor.Extract("`MAX_CONNECTIONS` then max_connections and Max_Connections again");
        Assert.Single(ids, i => i.Equals("max_connections", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("MAX_CONNECTIONS", ids[0]);
    }
}
