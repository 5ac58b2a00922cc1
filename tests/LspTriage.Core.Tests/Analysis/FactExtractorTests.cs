using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Tests.Analysis;

public sealed class FactExtractorTests
{
    [Fact]
    public void Clauses_are_verbatim_and_split_on_sentences_and_inline_list_items_but_not_inside_quotes()
    {
        var facts = FactExtractor.Extract(SeedContext.Raw);
        Assert.All(facts.Clauses, c => Assert.Equal(c.Text, SeedContext.Raw.Substring(c.Start, c.Text.Length)));
        Assert.Contains(facts.Clauses, c => c.Text == "active_connections: 500 / 500 (max_connections)");
        Assert.Contains(facts.Clauses, c => c.Text == "Changelog mentions \"added nightly settlement batch (cron: */30 * * * *)\"");
    }

    [Fact]
    public void Metric_changes_are_quoted_without_their_leading_time()
    {
        var facts = FactExtractor.Extract("14:02 UTC — checkout p99 latency jumped from 120ms to 4.8s.\n02:01 开始 order-svc 缓存命中率从 97% 降到 3%");
        Assert.Equal(["checkout p99 latency jumped from 120ms to 4.8s", "开始 order-svc 缓存命中率从 97% 降到 3%"], facts.MetricChanges.Select(m => m.Quote).ToArray());
        Assert.Equal("4.8s", facts.MetricChanges[0].To);
    }

    [Theory]
    [InlineData("Time: 14:02 UTC. api errors rose.", "UTC")]
    [InlineData("21:40 UTC+8 发布 V58。21:41 起大量超时。", "UTC+8")]
    [InlineData("2026-06-02T14:02:11Z ERROR upstream timeout", "UTC")]
    [InlineData("14:02 errors rose; 14:05 pager fired.", null)]
    public void The_context_time_zone_is_read_never_assumed(string raw, string? zone)
    {
        Assert.Equal(zone, FactExtractor.Extract(raw).Zone);
    }

    [Fact]
    public void Durations_and_certificate_dates_are_not_timeline_events()
    {
        var facts = FactExtractor.Extract("replay_lag 00:02:41 for replica-2 and 00:02:37 for replica-3\nnotAfter=Feb  1 00:00:00 2026 GMT\n15:22 UTC support: customers see stale balances");
        Assert.Equal(["15:22"], facts.Timeline.Select(e => e.TimeText).ToArray());
    }

    [Fact]
    public void Error_rate_belongs_to_error_words_and_success_drops_count_as_failures()
    {
        var facts = FactExtractor.Extract("pods CPU 97%; 5xx rate 22%\nlogin success rate drops from 99.6% to 88%");
        Assert.Equal(22, facts.ErrorRatePercent);
        Assert.Equal(12, facts.FailureFromSuccessRate!.Value, 3);
        Assert.Equal("login success rate drops from 99.6% to 88%", facts.SuccessRateDrop!.Quote);
    }

    [Fact]
    public void Statements_that_rule_causes_out_are_read_unless_retracted()
    {
        var facts = FactExtractor.Extract("CPU: 35% (normal)\nNo deploys in the last 3 days.\nTraffic is flat compared to last Thursday.\n\"DB looks healthy, CPU is fine\" (initial mis-diagnosis)");
        Assert.Equal(["cpu", "deploy", "traffic"], facts.RuledOut.Select(r => r.Topic).Order().ToArray());
        Assert.DoesNotContain(facts.RuledOut, r => r.Clause.Text.Contains("mis-diagnosis"));
    }

    [Fact]
    public void Services_and_dependencies_are_named()
    {
        var facts = FactExtractor.Extract(SeedContext.Raw);
        Assert.Equal(["payment-svc", "postgres-primary"], facts.Services.ToArray());
        Assert.Equal(("payment-svc", "postgres-primary"), Assert.Single(facts.Dependencies));
    }
}
