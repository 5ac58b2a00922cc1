using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

public sealed class ActionItemChecksTests
{
    [Fact]
    public void Items_without_owner_are_reported_on_their_text()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new ActionItemOwnerCheck().Run(doc).ToList();

        Assert.Equal([(25, "Add backpressure to the consumer"), (26, "P1 Add queue depth alert")], CheckAssert.Where(doc, findings));
    }

    [Fact]
    public void Items_without_priority_are_reported()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new ActionItemPriorityCheck().Run(doc).ToList();

        Assert.Equal([25, 27], findings.Select(f => doc.RangeOf(f.Span).Start.Line + 1));
    }

    [Fact]
    public void Done_items_and_complete_items_are_fine()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-complete.md"));
        Assert.Empty(new ActionItemOwnerCheck().Run(doc));
        Assert.Empty(new ActionItemPriorityCheck().Run(doc));
    }

    [Fact]
    public void A_placeholder_owner_is_left_to_the_placeholder_check() =>
        Assert.Empty(CheckAssert.Run(new ActionItemOwnerCheck(), "# T\n## Action items\n- P1 Add alert — [FILL IN]\n"));
}
