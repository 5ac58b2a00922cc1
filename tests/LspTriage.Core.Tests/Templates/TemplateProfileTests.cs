using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Fixes;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Templates;

public sealed class TemplateProfileTests
{
    private const string OurSections = "## Summary\nx\n## Impact\n3 users\n## Timeline\n- 10:00 x\n## Root cause\nx\n## Detection\nx\n## Response\nx\n## Action items\n- P1 x — y\n";

    [Fact]
    public void Front_matter_names_the_template_over_the_setting_and_the_headings()
    {
        var text = "---\nkind: postmortem\ntemplate: atlassian\n---\n# T\n" + OurSections;
        var document = IncidentDocument.Parse(text, options: new DocumentOptions { Template = "pagerduty" });

        Assert.Equal("atlassian", document.Template.Id);
        var missing = new MissingSectionCheck().Run(document).ToArray();
        // "Root cause" stands in for the five whys.
        Assert.Equal(["Leadup", "Fault", "Recovery"], missing.Select(f => f.Data));
        Assert.Equal("Postmortem is missing the \"Leadup\" section (Atlassian template).", missing[0].Message);
    }

    [Fact]
    public void The_setting_chooses_the_template_when_front_matter_does_not()
    {
        var text = "---\nkind: postmortem\n---\n# T\n" + OurSections;
        Assert.Equal("lsptriage", IncidentDocument.Parse(text).Template.Id);
        Assert.Equal("google-sre", IncidentDocument.Parse(text, options: new DocumentOptions { Template = "google" }).Template.Id);
        Assert.Equal("lsptriage", IncidentDocument.Parse(text, options: new DocumentOptions { Template = "auto" }).Template.Id);
    }

    [Fact]
    public void One_give_away_heading_is_not_enough_to_switch_templates()
    {
        var text = "---\nkind: postmortem\n---\n# T\n" + OurSections + "## Trigger\nA deploy.\n";
        var document = IncidentDocument.Parse(text);

        Assert.Equal("lsptriage", document.Template.Id);
        Assert.Empty(DocumentChecker.Default.Check(document));
    }

    [Fact]
    public void An_unknown_template_name_falls_back_to_detection()
    {
        var text = "---\nkind: postmortem\ntemplate: netflix\n---\n# T\n## Leadup\nx\n## Fault\nx\n## Five whys\nx\n";
        Assert.Equal("atlassian", IncidentDocument.Parse(text).Template.Id);
    }

    [Fact]
    public void Recovery_is_its_own_section_in_atlassian_and_the_response_elsewhere()
    {
        var atlassian = IncidentDocument.Parse(RepoPaths.Fixture("templates/atlassian.md"));
        Assert.Equal(SectionKind.Recovery, atlassian.Sections.Single(s => s.Heading == "Recovery").Kind);

        var ours = IncidentDocument.Parse("---\nkind: postmortem\n---\n# T\n## Response\nx\n## Recovery\ny\n");
        Assert.Equal(SectionKind.Response, ours.Sections.Single(s => s.Heading == "Recovery").Kind);
        Assert.Single(new DuplicateSectionCheck().Run(ours));
    }

    [Fact]
    public void The_required_sections_can_be_configured()
    {
        var text = "---\nkind: postmortem\n---\n# T\n## Summary\nx\n## Timeline\n- 10:00 x\n";
        var options = new DocumentOptions { RequiredSections = ["Summary", "Root cause", "Lessons learned", "not a section"] };
        var document = IncidentDocument.Parse(text, options: options);

        Assert.Equal([SectionKind.Summary, SectionKind.RootCause, SectionKind.LessonsLearned], document.RequiredSections);
        Assert.Equal(["RootCause", "LessonsLearned"], new MissingSectionCheck().Run(document).Select(f => f.Data));
    }

    [Theory]
    [InlineData("**Trigger:** a deploy")]
    [InlineData("**Trigger**: a deploy")]
    [InlineData("__Trigger:__ a deploy")]
    [InlineData("Trigger\n: a deploy")]
    public void Field_lines_and_definition_fields_are_sections(string field)
    {
        var document = IncidentDocument.Parse($"# T\n\n**Summary:** s\n\n{field}\n\n## Timeline\n- 10:00 x\n");
        var trigger = document.Sections.Single(s => s.Kind == SectionKind.Trigger);

        Assert.True(trigger.IsField);
        Assert.Equal("Trigger", trigger.Heading);
        Assert.Equal("a deploy", document.ContentOf(trigger).Trim());
        Assert.False(trigger.IsEmpty);
        Assert.Equal(document.Sections.Single(s => s.Level == 1), document.Sections[trigger.ParentIndex]);
    }

    [Fact]
    public void Fields_in_code_blocks_and_quotes_and_unknown_labels_are_not_sections()
    {
        var text = "# T\n\n```\n**Trigger:** in code\n```\n\n> **Impact:** quoted\n\n**Authors:** dana\n\n**Detection:**\n\n## Next\n";
        var document = IncidentDocument.Parse(text);

        Assert.Equal([("T", false), ("Detection", true), ("Next", false)], document.Sections.Select(s => (s.Heading, s.IsField)));
        Assert.True(document.Sections[1].IsEmpty);
    }

    [Fact]
    public void A_missing_google_field_is_inserted_as_a_field_line_before_the_next_one()
    {
        var text = RepoPaths.Fixture("templates/google-sre.md").Replace("**Trigger:** The retention job's first run after the 4.18.0 deploy, at 02:10 UTC.\n\n", "", StringComparison.Ordinal);
        var document = IncidentDocument.Parse(text);
        var finding = Assert.Single(DocumentChecker.Default.Check(document));
        Assert.Equal("Postmortem is missing the \"Trigger\" section (Google SRE template).", finding.Message);

        var fix = Assert.Single(QuickFixProvider.For(document, finding));
        var fixedText = TextEdits.Apply(text, fix.Edits);
        Assert.Contains("with no lock timeout, so it queued behind the lock instead of failing fast.\n\n**Trigger:** [FILL IN]\n\n**Resolution:**", fixedText);
        Assert.Equal(["LT001"], DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText)).Select(f => f.Code));
    }

    [Fact]
    public void An_empty_owner_cell_is_filled_by_its_quick_fix()
    {
        var text = RepoPaths.Fixture("templates/google-sre-defects.md");
        var document = IncidentDocument.Parse(text);
        var finding = DocumentChecker.Default.Check(document).Single(f => f.Code == "LT006");
        Assert.Equal("Action item has no owner (its Owner cell is empty).", finding.Message);

        var fixedText = TextEdits.Apply(text, Assert.Single(QuickFixProvider.For(document, finding)).Edits);
        Assert.Contains("| Set a 30 s lock timeout on every exporter transaction | prevent | [FILL IN] | DATA-4411 |", fixedText);
        Assert.DoesNotContain(DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText)), f => f.Code == "LT006");
    }

    [Fact]
    public void Tables_with_a_priority_column_need_priorities_and_get_priority_fixes()
    {
        var text = "---\nkind: postmortem\ntemplate: pagerduty\n---\n# T\n## Action items\n\n| Task | Priority | Assignee | Status |\n|:--|:-:|--|--|\n| Add an alert | P1 | @dana | open |\n| Fix \\| escape `a|b` | | @li | open |\n| Old thing | | @li | Done |\n";
        var document = IncidentDocument.Parse(text);

        Assert.Equal(["Add an alert", "Fix \\| escape `a|b`", "Old thing"], document.ActionItems.Select(a => a.Text));
        Assert.Equal(["P1", null, null], document.ActionItems.Select(a => a.Priority));
        Assert.Equal([false, false, true], document.ActionItems.Select(a => a.IsDone));
        var finding = Assert.Single(new ActionItemPriorityCheck().Run(document));
        var fixes = QuickFixProvider.For(document, finding);
        Assert.Equal(5, fixes.Count);
        Assert.Contains("| Fix \\| escape `a|b` | P2 | @li | open |", TextEdits.Apply(text, fixes[2].Edits));
    }

    [Fact]
    public void A_pagerduty_postmortem_named_explicitly_is_a_postmortem_by_its_sections()
    {
        var text = "# T\n## Overview\nx\n## Contributing factors\nx\n## Responders\nx\n## How'd we do?\nx\n";
        var document = IncidentDocument.Parse(text);

        Assert.Equal("pagerduty", document.Template.Id);
        Assert.Equal(DocumentKind.Postmortem, document.Kind);
        Assert.Equal(["WhatHappened", "Mitigation", "Impact", "ActionItems"], new MissingSectionCheck().Run(document).Select(f => f.Data));
    }
}
