using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Similarity;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

/// <summary>LT030: a similar past incident within 30 days before this one, its action items still open.</summary>
public sealed class RepeatIncidentCheckTests
{
    // postmortem-complete.md was created 2026-05-14.
    private static IncidentDocument Doc(string? text = null, DocumentOptions? options = null) =>
        IncidentDocument.Parse(text ?? RepoPaths.Fixture("postmortem-complete.md"), "/work/postmortems/now.md", options);

    private static RecentSimilarIncident Past(string date, int open, string path = "/history/old.md") =>
        new("Checkout 502s after cert rotation", path, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), open, Line: 31);

    [Fact]
    public void A_similar_incident_within_30_days_with_open_items_is_reported_on_the_title_and_links_its_file()
    {
        var doc = Doc();
        var finding = Assert.Single(new RepeatIncidentCheck([Past("2026-04-20", 2)]).Run(doc));

        Assert.Equal("LT030", finding.Code);
        Assert.Equal(FindingSeverity.Information, finding.Severity);
        Assert.Equal(doc.TitleSpan, finding.Span);
        Assert.Contains("\"Checkout 502s after cert rotation\" happened 2026-04-20 (24 days before this one) and 2 action items are still open", finding.Message, StringComparison.Ordinal);
        var related = Assert.Single(finding.Related);
        Assert.Equal(("/history/old.md", 31), (related.Path, related.Line));
    }

    [Theory]
    [InlineData("2026-04-13", 3)] // 31 days before
    [InlineData("2026-05-15", 3)] // after this one
    [InlineData("2026-05-01", 0)] // every action item done
    public void Older_later_or_finished_incidents_are_not_repeats(string date, int open) =>
        Assert.Empty(new RepeatIncidentCheck([Past(date, open)]).Run(Doc()));

    [Fact]
    public void The_document_itself_and_a_document_without_a_date_are_not_repeats()
    {
        Assert.Empty(new RepeatIncidentCheck([Past("2026-05-10", 1, path: "/work/postmortems/now.md")]).Run(Doc()));
        Assert.Empty(new RepeatIncidentCheck([Past("2026-05-10", 1)]).Run(Doc("# Undated\n## Summary\nx\n")));
    }

    [Fact]
    public void Disabled_in_settings_or_by_a_comment_like_every_rule()
    {
        var check = new RepeatIncidentCheck([Past("2026-05-10", 1)]);
        Assert.Empty(new DocumentChecker([check]).Check(Doc(options: new DocumentOptions { DisabledRules = ["LT030"] })));
        var commented = RepoPaths.Fixture("postmortem-complete.md").Replace("# Checkout API", "<!-- lsptriage-disable-file LT030 -->\n# Checkout API", StringComparison.Ordinal);
        Assert.Empty(new DocumentChecker([check]).Check(Doc(commented)));
        Assert.Single(new DocumentChecker([check]).Check(Doc()));
    }

    [Fact]
    public void A_past_file_is_read_for_its_open_action_items_and_the_link_points_at_the_first()
    {
        var past = RecentSimilarIncidentReader.FromText("Old", "/history/old.md", new DateOnly(2026, 5, 1), RepoPaths.Fixture("postmortem-complete.md"), DocumentOptions.Default);

        Assert.Equal(1, past.OpenActionItems);
        Assert.Equal(30, past.Line);
    }
}
