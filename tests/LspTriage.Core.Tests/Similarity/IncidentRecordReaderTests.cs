using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Tests.Similarity;

public sealed class IncidentRecordReaderTests
{
    private const string Incident = """
        ---
        id: INC-2026-0602
        service: payment-svc
        created: 2026-06-02T23:35:28Z
        severity: SEV1          # optional
        categories: [database, deploy]
        ---
        # Payment service connection pool exhaustion after batch job deploy

        ## Raw incident context
        Time: 14:02 UTC. payment-svc p99 latency jumped from 120ms to 4.8s.

        ## Summary
        Payment service p99 latency spiked from 120ms to 4.8s. Customers see failed checkouts.

        ```
        # not a heading
        ```

        ## Root cause
        **New cron job** in v2.41 runs a full table scan every 30s. It exhausts the pool.
        """;

    [Fact]
    public void Reads_front_matter_title_sections_and_builds_the_key()
    {
        var r = IncidentRecordReader.Read(Incident, "/tmp/incidents/a.md");
        Assert.Equal("INC-2026-0602", r.Id);
        Assert.Equal("Payment service connection pool exhaustion after batch job deploy", r.Title);
        Assert.Equal("payment-svc", r.Service);
        Assert.Equal("SEV1", r.Severity);
        Assert.Equal("2026-06-02", r.Date);
        Assert.Equal(["database", "deploy"], r.Categories);
        Assert.Equal("New cron job in v2.41 runs a full table scan every 30s.", r.RootCause);
        Assert.Equal(r.Title + " Payment service p99 latency spiked from 120ms to 4.8s. Customers see failed checkouts.", r.Key);
        Assert.Equal(r.Title + " Payment service p99 latency spiked from 120ms to 4.8s.",
            IncidentRecordReader.Read(Incident, null, keyMode: IncidentKey.TitleAndSymptom).Key);
        Assert.Equal(r.Title, IncidentRecordReader.Read(Incident, null, keyMode: IncidentKey.Title).Key);
    }

    [Fact]
    public void Falls_back_to_the_raw_context_when_the_summary_is_a_placeholder_and_to_the_path_for_the_id()
    {
        var text = "# 支付服务连接池耗尽\n\n## 原始事件上下文\n支付服务延迟升高。错误率 12%。\n\n## 摘要\n[待填写]\n";
        var r = IncidentRecordReader.Read(text, "/h/incidents/zh.md", "incidents/zh.md");
        Assert.Equal("incidents/zh.md", r.Id);
        Assert.Equal("支付服务连接池耗尽 支付服务延迟升高。", r.Key);
        Assert.Empty(r.Categories);
        Assert.Null(r.Service);
    }

    [Fact]
    public void Never_throws_on_odd_input_and_names_untitled_files_after_their_first_sentence()
    {
        Assert.Equal("Untitled incident", IncidentRecordReader.Read("", null).Title);
        Assert.Equal("x", IncidentRecordReader.Read("---\nbroken: [\n---\n", "/p/x.md").Title);
        var r = IncidentRecordReader.Read("---\ncategories: []\n---\n\nA bad BGP config severed the link. Then more.\n", "/p/uuid.md");
        Assert.Equal("A bad BGP config severed the link.", r.Title);
        // CRLF text; a level-1 heading after a section closes it and is still the title.
        var crlf = IncidentRecordReader.Read("\r\n## Summary\r\nShort.\r\n# Only title\r\n", null);
        Assert.Equal("Only title", crlf.Title);
        Assert.Equal("Only title Short.", crlf.Key);
    }

    [Theory]
    [InlineData("[FILL_IN]")]
    [InlineData("[待补充]")]
    [InlineData("[FILL-IN] ")]
    [InlineData("- TBD")]
    public void A_summary_that_is_only_a_placeholder_LT001_knows_does_not_enter_the_key(string placeholder)
    {
        var text = $"# Checkout errors\n\n## Summary\n{placeholder}\n\n## Raw incident context\n10:02 UTC\npayment-svc returns HTTP 500 for 12% of checkouts.\n";
        var record = IncidentRecordReader.Read(text, "/i/a.md");
        Assert.Equal("Checkout errors payment-svc returns HTTP 500 for 12% of checkouts.", record.Key);
    }

    [Theory]
    [InlineData("Time: 14:02 UTC. payment-svc p99 jumped to 4.8s.", "payment-svc p99 jumped to 4.8s.")]
    [InlineData("2026-06-02 14:02:11Z\npayment-svc p99 jumped to 4.8s.", "payment-svc p99 jumped to 4.8s.")]
    [InlineData("时间：23:07\n支付服务 5xx 升高。", "支付服务 5xx 升高。")]
    [InlineData("14:02 — payment-svc p99 jumped.", "14:02 — payment-svc p99 jumped.")]
    public void The_symptom_line_passes_over_lines_that_only_give_a_time(string context, string expected)
    {
        var record = IncidentRecordReader.Read($"# T\n\n## Raw incident context\n{context}\n", "/i/a.md");
        Assert.Equal("T " + expected, record.Key);
    }
}
