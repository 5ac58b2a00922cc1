using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Tests.Checks;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Templates;

/// <summary>
/// Complete postmortems written to the Google SRE, Atlassian and PagerDuty templates get no findings; their defective
/// copies get exactly the defects put in them.
/// </summary>
public sealed class TemplateFixtureTests
{
    private static IncidentDocument Parse(string name, DocumentOptions? options = null) =>
        IncidentDocument.Parse(RepoPaths.Fixture($"templates/{name}"), path: null, options);

    [Theory]
    [InlineData("google-sre.md", "google-sre", 7, 4)]
    [InlineData("atlassian.md", "atlassian", 7, 3)]
    [InlineData("pagerduty.md", "pagerduty", 6, 4)]
    public void A_complete_postmortem_in_its_template_has_no_findings(string name, string template, int timelineEntries, int actionItems)
    {
        var document = Parse(name);

        Assert.Equal(DocumentKind.Postmortem, document.Kind);
        Assert.Equal(template, document.Template.Id);
        Assert.Equal(timelineEntries, document.Timeline.Count(e => e.Time is not null));
        Assert.Equal(actionItems, document.ActionItems.Count);
        Assert.All(document.ActionItems, a => Assert.NotNull(a.Owner));
        Assert.Empty(DocumentChecker.Default.Check(document));
    }

    [Fact]
    public void Google_fields_are_sections_and_its_table_rows_are_action_items()
    {
        var document = Parse("google-sre.md");

        var fields = document.Sections.Where(s => s.IsField).Select(s => (s.Heading, s.Kind)).ToArray();
        Assert.Equal(
            [("Summary", SectionKind.Summary), ("Impact", SectionKind.Impact), ("Root Causes", SectionKind.RootCause), ("Trigger", SectionKind.Trigger),
             ("Resolution", SectionKind.Mitigation), ("Detection", SectionKind.Detection)],
            fields);
        Assert.Equal(["mkovacs", "tanaka.r", "priya", "@data-platform"], document.ActionItems.Select(a => a.Owner));
        Assert.Equal([true, false, false, false], document.ActionItems.Select(a => a.IsDone));
        Assert.Equal("Set a 30 s lock timeout on every exporter transaction", document.ActionItems[1].Text);
        // A bold lead-in inside a list item stays prose.
        Assert.DoesNotContain(document.Sections, s => s.Heading == "Note");
    }

    [Theory]
    [InlineData("google-sre.md")]
    [InlineData("atlassian.md")]
    public void Read_as_our_own_template_the_same_files_get_false_findings(string name)
    {
        // What the tool said before it knew these templates: the profile is what makes them clean.
        var findings = DocumentChecker.Default.Check(Parse(name, new DocumentOptions { Template = "lsptriage" }));
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains(f.Code, new[] { "LT002", "LT007", "LT008" }));
    }

    [Theory]
    [InlineData("google-sre-defects.md", new[] { "19:LT001:[FILL IN]", "31:LT006:Set a 30 s lock timeout on every exporter transaction", "59:LT004:03:12" })]
    [InlineData("atlassian-defects.md", new[] { "22:LT001:TBD", "52:LT004:2026-04-02 14:34", "84:LT006:Add alias switches to the deploy checklist" })]
    [InlineData("pagerduty-defects.md", new[] { "26:LT004:09:05 UTC", "50:LT001:[FILL IN]", "67:LT006:Show the event count and ask for confirmation above 100,000 events ([PAY-882](https://tracker.example.com/PAY-882))" })]
    public void Defects_in_template_postmortems_are_found_exactly(string name, string[] expected)
    {
        var document = Parse(name);
        var findings = DocumentChecker.Default.Check(document);

        Assert.Equal(expected, findings.Select(f => $"{document.RangeOf(f.Span).Start.Line + 1}:{f.Code}:{document.TextOf(f.Span)}"));
    }
}
