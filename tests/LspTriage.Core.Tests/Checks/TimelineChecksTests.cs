using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

public sealed class TimelineChecksTests
{
    [Fact]
    public void Out_of_order_entry_is_reported_at_its_time()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new TimelineOrderCheck().Run(doc).ToList();

        Assert.Equal([(14, "09:55 UTC")], CheckAssert.Where(doc, findings));
        Assert.Contains("10:05 UTC", findings[0].Message);
    }

    [Fact]
    public void A_timeline_past_midnight_is_in_order() =>
        Assert.Empty(CheckAssert.Run(new TimelineOrderCheck(), "# T\n## Timeline\n- 23:50 a\n- 23:58 b\n- 00:10 c\n- 01:00 d\n"));

    [Fact]
    public void Zones_are_compared_in_utc() =>
        Assert.Empty(CheckAssert.Run(new TimelineOrderCheck(), "# T\n## Timeline\n- 14:00 UTC a\n- 22:05+08:00 b\n- 14:10 UTC c\n"));

    [Fact]
    public void Explicit_dates_order_entries_across_days()
    {
        var findings = CheckAssert.Run(new TimelineOrderCheck(), "# T\n## Timeline\n- 2026-06-03 01:00 a\n- 2026-06-02 23:00 b\n");
        Assert.Single(findings);
    }

    [Fact]
    public void Unreadable_and_missing_times_are_reported_but_placeholders_are_not()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new TimelineTimeCheck().Run(doc).ToList();

        Assert.Equal([(15, "25:70"), (16, "Around")], CheckAssert.Where(doc, findings));
    }
}
