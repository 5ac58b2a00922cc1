using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Core.Timelines;

namespace LspTriage.Core.Tests.Timelines;

public sealed class PastedTimelineTests
{
    private const string Postmortem = """
        ---
        service: payment-svc
        created: 2026-06-02T16:40:00Z
        severity: SEV1
        kind: postmortem
        ---
        # Checkout payments failing

        ## Raw incident context

        [14:06] alice: DB looks healthy
        [14:04] PagerDuty: PaymentSvcErrorRateHigh triggered
        [14:04] PagerDuty: PaymentSvcErrorRateHigh triggered
        2026-06-02T22:12:30+08:00 ERROR pg: too many clients already
        [14:30] bob: flag off, error rate normal

        ## Timeline

        - 13:50 UTC — payment-svc v2.41 rolled out
        - 14:04 UTC — PagerDuty: PaymentSvcErrorRateHigh triggered
        - 14:40 UTC — error rate normal

        ## Root cause

        Pool.
        """;

    [Fact]
    public void Append_merges_in_time_order_converts_zones_and_leaves_out_duplicates()
    {
        var doc = IncidentDocument.Parse(Postmortem);
        var edit = TimelinePaste.For(doc, Lines(doc, "[14:06] alice", "[14:30] bob"))!;

        Assert.Equal(TimelinePaste.AppendTitle, edit.Title);
        Assert.Equal(3, edit.EntryCount);
        var result = Apply(doc.Text, doc, edit.Edits);
        var timeline = result[result.IndexOf("## Timeline", StringComparison.Ordinal)..result.IndexOf("## Root cause", StringComparison.Ordinal)];
        Assert.Equal("""
            ## Timeline

            - 13:50 UTC — payment-svc v2.41 rolled out
            - 14:04 UTC — PagerDuty: PaymentSvcErrorRateHigh triggered
            - 14:06 UTC — alice: DB looks healthy
            - 14:12 UTC — ERROR pg: too many clients already
            - 14:30 UTC — bob: flag off, error rate normal
            - 14:40 UTC — error rate normal


            """.ReplaceLineEndings("\n"), timeline);
        Assert.Contains("[14:06] alice: DB looks healthy", result);
    }

    [Fact]
    public void Convert_inside_the_timeline_sorts_folds_repeats_and_rolls_over_midnight()
    {
        var text = """
            ---
            created: 2026-03-07T23:50:00+08:00
            kind: incident
            ---
            # 订单缓存雪崩

            ## 时间线

            [23:58] 张三：开始清理脚本
            [00:02] 监控：OrderSvcLatencyHigh 告警
            [00:03] 监控：OrderSvcLatencyHigh 告警
            [00:09] 监控：OrderSvcLatencyHigh 告警
            [00:05] 李四：确认 Redis 被清空
            """;
        var doc = IncidentDocument.Parse(text);
        var edit = TimelinePaste.For(doc, Lines(doc, "[23:58]", "[00:05]"))!;

        Assert.Equal(TimelinePaste.ConvertTitle, edit.Title);
        var result = Apply(doc.Text, doc, edit.Edits);
        Assert.EndsWith("""
            ## 时间线

            - 23:58+08:00 — 张三: 开始清理脚本
            - 2026-03-08 00:02+08:00 — 监控: OrderSvcLatencyHigh 告警 (×3, last at 00:09)
            - 00:05+08:00 — 李四: 确认 Redis 被清空
            """.ReplaceLineEndings("\n"), result);
        var reparsed = IncidentDocument.Parse(result);
        Assert.All(reparsed.Timeline, e => Assert.NotNull(e.Time));
    }

    [Fact]
    public void Nothing_to_offer_on_prose_or_an_empty_selection()
    {
        var doc = IncidentDocument.Parse(Postmortem);
        Assert.Null(TimelinePaste.For(doc, Lines(doc, "Pool.", "Pool.")));
        var at = Lines(doc, "[14:06] alice", "[14:06] alice").Start;
        Assert.Null(TimelinePaste.For(doc, TextRange.Empty(at)));
    }

    private static TextRange Lines(IncidentDocument doc, string first, string last)
    {
        var start = doc.Text.IndexOf(first, StringComparison.Ordinal);
        var end = doc.Text.IndexOf(last, start, StringComparison.Ordinal);
        return doc.RangeOf(TextSpan.FromBounds(start, doc.Lines.LineContentEnd(doc.Lines.PositionAt(end).Line)));
    }

    private static string Apply(string text, IncidentDocument doc, IReadOnlyList<TextEdit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Range.Start))
        {
            var span = doc.Lines.SpanOf(edit.Range);
            text = string.Concat(text.AsSpan(0, span.Start), edit.NewText, text.AsSpan(span.End));
        }
        return text;
    }
}
