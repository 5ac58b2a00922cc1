using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

public sealed class SectionChecksTests
{
    [Fact]
    public void Missing_required_sections_are_errors_on_the_title()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new MissingSectionCheck().Run(doc).ToList();

        Assert.Equal(["Impact", "Detection", "Response"], findings.Select(f => f.Data));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        Assert.All(findings, f => Assert.Equal(doc.TitleSpan, f.Span));
    }

    [Fact]
    public void Chinese_postmortem_is_checked_with_chinese_aliases()
    {
        var findings = new MissingSectionCheck().Run(IncidentDocument.Parse(RepoPaths.Fixture("incident-zh.md"))).ToList();
        Assert.Equal(["Response"], findings.Select(f => f.Data));
    }

    [Fact]
    public void Follow_ups_stand_in_for_action_items()
    {
        var text = "---\nkind: postmortem\n---\n# T\n## Summary\nx\n## Impact\nx\n## Timeline\n- 10:00 x\n## Root cause\nx\n## Detection\nx\n## Response\nx\n## Follow-ups\n- P1 x — y\n";
        Assert.Empty(new MissingSectionCheck().Run(IncidentDocument.Parse(text)));
    }

    [Fact]
    public void Incidents_are_not_held_to_postmortem_sections() =>
        Assert.Empty(new MissingSectionCheck().Run(IncidentDocument.Parse("---\nkind: incident\n---\n# T\n## Raw incident context\nx\n")));

    [Fact]
    public void Generated_sections_do_not_count_as_written()
    {
        var text = "---\nkind: postmortem\n---\n# T\n<!-- lsptriage:begin analysis -->\n## Summary\nx\n<!-- lsptriage:end -->\n";
        var findings = new MissingSectionCheck().Run(IncidentDocument.Parse(text));
        Assert.Contains(findings, f => f.Data == "Summary");
    }

    [Fact]
    public void Empty_required_section_is_reported_on_its_heading()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new EmptySectionCheck().Run(doc).ToList();

        Assert.Equal([(19, "Root cause")], CheckAssert.Where(doc, findings));
    }

    [Fact]
    public void Duplicate_section_is_reported_on_the_second_heading()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-problems.md"));
        var findings = new DuplicateSectionCheck().Run(doc).ToList();

        Assert.Equal([(21, "Root Cause")], CheckAssert.Where(doc, findings));
        Assert.Contains("line 19", findings[0].Message);
    }

    [Fact]
    public void Same_heading_under_different_parents_is_not_a_duplicate()
    {
        var text = "# T\n## Day 1\n### Notes\nx\n## Day 2\n### Notes\ny\n";
        Assert.Empty(new DuplicateSectionCheck().Run(IncidentDocument.Parse(text)));
    }
}
