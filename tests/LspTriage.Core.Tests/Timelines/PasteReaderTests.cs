using LspTriage.Core.Timelines;

namespace LspTriage.Core.Tests.Timelines;

public sealed class PasteReaderTests
{
    private static readonly DateOnly June2 = new(2026, 6, 2);

    [Fact]
    public void Bracketed_chat_export_keeps_authors_and_joins_wrapped_lines()
    {
        var paste = """
            [14:02] alice: p99 on payment-svc is 4.8s, looking
            [14:03] bob: CS says checkouts failing
            [14:04] PagerDuty: PaymentSvcErrorRateHigh triggered
            [14:06] alice: DB looks healthy, CPU is fine
              (it was not)
            [14:12] <carol> pg says too many clients already
            """;
        var events = PasteReader.Read(paste).Events;

        Assert.Equal(5, events.Count);
        Assert.Equal(("alice", "p99 on payment-svc is 4.8s, looking"), (events[0].Author, events[0].Text));
        Assert.Equal(new TimeOnly(14, 4), events[2].Time);
        Assert.Equal("PagerDuty", events[2].Author);
        Assert.Equal("DB looks healthy, CPU is fine (it was not)", events[3].Text);
        Assert.Equal(("carol", "pg says too many clients already"), (events[4].Author, events[4].Text));
        Assert.All(events, e => Assert.Null(e.Date));
    }

    [Fact]
    public void Slack_copy_with_names_times_dates_reactions_and_continuations()
    {
        var paste = """
            Tuesday, June 2nd
            Alice Chen  2:02 PM
            payment-svc p99 just went to 4.8s
            :eyes: 2
            2:03
            anyone deploying?
            Bob Lee
              2:04 PM
            we shipped v2.41 at 1:50 (edited)
            3 replies
            View thread
            PagerDuty APP  2:04 PM
            Triggered: PaymentSvcErrorRateHigh
            """;
        var events = PasteReader.Read(paste, June2).Events;

        Assert.Equal(4, events.Count);
        Assert.Equal(new PastedEvent(June2, new TimeOnly(14, 2), null, "Alice Chen", "payment-svc p99 just went to 4.8s", 1), events[0]);
        Assert.Equal(("Alice Chen", new TimeOnly(14, 3), "anyone deploying?"), (events[1].Author, events[1].Time, events[1].Text));
        Assert.Equal(("Bob Lee", "we shipped v2.41 at 1:50"), (events[2].Author, events[2].Text));
        Assert.Equal(("PagerDuty", "Triggered: PaymentSvcErrorRateHigh"), (events[3].Author, events[3].Text));
    }

    [Fact]
    public void Teams_copy_with_bracketed_time_then_name_and_us_dates()
    {
        var paste = """
            [10:02 AM] Dana Whitfield
            Failover started for orders-db
            Sam O'Neil 6/2/2026 10:15 AM
            Replica promoted, writes OK
            """;
        var events = PasteReader.Read(paste).Events;

        Assert.Equal(2, events.Count);
        Assert.Equal(("Dana Whitfield", new TimeOnly(10, 2), "Failover started for orders-db"), (events[0].Author, events[0].Time, events[0].Text));
        Assert.Equal(("Sam O'Neil", (DateOnly?)June2, new TimeOnly(10, 15)), (events[1].Author, events[1].Date, events[1].Time));
    }

    [Fact]
    public void Chinese_chat_with_twelve_hour_prefixes_full_width_colons_and_date_lines()
    {
        var paste = """
            2026年6月2日 星期二
            张三 下午2:05
            订单服务延迟飙升，先看一下 Redis
            [下午2:07] 李四：Redis 被 FLUSHALL 清空了
            王五 14:12
            已开启回源限流
            此消息已撤回
            [晚上11:58] 李四：缓存预热完成
            """;
        var events = PasteReader.Read(paste).Events;

        Assert.Equal(4, events.Count);
        Assert.Equal(("张三", (DateOnly?)June2, new TimeOnly(14, 5)), (events[0].Author, events[0].Date, events[0].Time));
        Assert.Equal(("李四", "Redis 被 FLUSHALL 清空了"), (events[1].Author, events[1].Text));
        Assert.Equal(("王五", "已开启回源限流"), (events[2].Author, events[2].Text));
        Assert.Equal(new TimeOnly(23, 58), events[3].Time);
    }

    [Fact]
    public void Log_lines_in_iso_java_syslog_klog_and_json_shapes_keep_zone_and_program()
    {
        var paste = """
            2026-06-02T14:02:11.123Z level=error msg="pool exhausted" conns=500
            2026-06-02 14:02:12,481 ERROR [http-nio-8080-exec-7] c.z.h.pool.HikariPool: HikariPool-1 - Connection is not available
            Jun  2 14:03:01 ip-10-4-17-22 chronyd[812]: Can't synchronise: no selectable sources
            E0602 14:03:05.123456       1 controller.go:114] failed to sync pod payment-7f9c
            {"ts":"2026-06-02T22:04:00+08:00","level":"warn","msg":"retrying PSP call","logger":"psp-client"}
                at com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)
            """;
        var events = PasteReader.Read(paste, June2).Events;

        Assert.Equal(5, events.Count);
        Assert.Equal((June2, new TimeOnly(14, 2, 11), TimeSpan.Zero), (events[0].Date!.Value, events[0].Time, events[0].Offset!.Value));
        Assert.Null(events[0].Author);
        Assert.StartsWith("ERROR [http-nio-8080-exec-7] c.z.h.pool.HikariPool: HikariPool-1", events[1].Text);
        Assert.Null(events[1].Offset);
        Assert.Equal(("chronyd", "Can't synchronise: no selectable sources"), (events[2].Author, events[2].Text));
        Assert.Equal((June2, new TimeOnly(14, 3, 5)), (events[3].Date!.Value, events[3].Time));
        Assert.Equal(("psp-client", TimeSpan.FromHours(8)), (events[4].Author, events[4].Offset!.Value));
        Assert.EndsWith("(HikariPool.java:696)", events[4].Text);
    }

    [Fact]
    public void PagerDuty_and_Opsgenie_logs()
    {
        var paste = """
            Jun 2, 2026 at 2:04 PM	Triggered through the API.
            Jun 2, 2026 at 2:05 PM	Notified Alice Chen via SMS.
            Jun 2, 2026 at 2:07 PM	Acknowledged by Alice Chen.
            2026/06/02 14:31:09.120	Alert closed by Alice Chen
            """;
        var events = PasteReader.Read(paste).Events;

        Assert.Equal(["Triggered through the API.", "Notified Alice Chen via SMS.", "Acknowledged by Alice Chen.", "Alert closed by Alice Chen"], events.Select(e => e.Text));
        Assert.All(events, e => Assert.Equal(June2, e.Date));
        Assert.Equal(new TimeOnly(14, 7), events[2].Time);
    }

    [Fact]
    public void Prose_with_times_inside_is_not_an_event_and_impossible_times_are_skipped()
    {
        var paste = """
            We think it started around 14:00 but nobody is sure.
            Restarted at 14:05
            [25:70] bot: nonsense
            """;
        var result = PasteReader.Read(paste);

        Assert.Empty(result.Events);
        Assert.Equal(3, result.SkippedLines);
    }
}
