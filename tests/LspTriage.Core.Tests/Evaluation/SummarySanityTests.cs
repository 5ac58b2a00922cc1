using LspTriage.Core.Evaluation.Scoring;

namespace LspTriage.Core.Tests.Evaluation;

public sealed class SummarySanityTests
{
    private const string Context = """
        {"alerts":[{"labels":{"alertname":"PaymentSvcErrorRateHigh","service":"payment-svc"},"startsAt":"2026-06-02T14:04:00Z"}]}
        NAME                           READY   STATUS             RESTARTS   AGE
        payment-svc-7d9c-x2x           0/1     CrashLoopBackOff   12         40m
        2026-06-02T14:03:11Z ERROR FATAL: sorry, too many clients already
        [14:06] bob: DB looks healthy, CPU is fine
        支付服务在 14:02 开始大量报错，数据库连接池耗尽
        """;

    [Theory]
    [InlineData("payment-svc requests fail with 'too many clients already' since 14:03 and pods restart in CrashLoopBackOff.")]
    [InlineData("At 14:02 UTC the payment service began failing: Postgres refused new clients.")]
    [InlineData("支付服务自 14:02 起大量报错，数据库连接池耗尽导致请求失败。")]
    [InlineData("payment-svc fails with `Post \"https://psp.example.com/v1/charge\": dial tcp: i/o timeout`; clients give up.")]
    [InlineData("payment-svc cannot start: `Failed to pull image \"ghcr.io/acme/payment-svc:v2.9.0\": not found`.")]
    public void A_sentence_about_the_symptom_is_sane(string summary)
    {
        Assert.Equal(SummaryProblem.None, SummarySanity.Check(summary, Context));
    }

    [Theory]
    [InlineData("", SummaryProblem.Empty)]
    [InlineData("   ", SummaryProblem.Empty)]
    [InlineData("\"alertname\": \"PaymentSvcErrorRateHigh\"", SummaryProblem.JsonFragment)]
    [InlineData("{\"summary\": \"payment-svc errors\"}", SummaryProblem.JsonFragment)]
    [InlineData("The alert says \"service\": \"payment-svc\" is failing", SummaryProblem.JsonFragment)]
    [InlineData("payment-svc fails with `{\\\"job\\\":\\\"exp-88213\\\",\\\"retries\\\":3}`", SummaryProblem.JsonFragment)]
    [InlineData("payment-svc fails with job panicked {\"retries\": 3, \"fatal\": true}", SummaryProblem.JsonFragment)]
    [InlineData("payment-svc-7d9c-x2x           0/1     CrashLoopBackOff   12         40m", SummaryProblem.TableRow)]
    [InlineData("| payment-svc | 0/1 | CrashLoopBackOff |", SummaryProblem.TableRow)]
    [InlineData("2026-06-02T14:03:11Z ERROR FATAL: sorry, too many clients already", SummaryProblem.LogLine)]
    [InlineData("[14:06] bob: DB looks healthy, CPU is fine", SummaryProblem.LogLine)]
    [InlineData("ERROR: too many clients already on the payment database", SummaryProblem.LogLine)]
    [InlineData("500", SummaryProblem.NoWords)]
    [InlineData("4.8s (p99)", SummaryProblem.NoWords)]
    [InlineData("payment-svc", SummaryProblem.NoWords)]
    [InlineData("The marketing newsletter had a typo in its subject line.", SummaryProblem.OffTopic)]
    [InlineData("出现故障。", SummaryProblem.NoWords)]
    [InlineData("营销邮件标题里有一个错别字需要修正。", SummaryProblem.OffTopic)]
    public void Anything_else_is_not(string summary, SummaryProblem expected)
    {
        Assert.Equal(expected, SummarySanity.Check(summary, Context));
    }

    [Fact]
    public void A_pasted_context_is_too_long_to_be_a_summary()
    {
        var pasted = string.Concat(Enumerable.Repeat("payment-svc requests fail with too many clients already. ", 12));
        Assert.Equal(SummaryProblem.TooLong, SummarySanity.Check(pasted, Context));
    }
}
