using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Fixes;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Fixes;

public sealed class QuickFixProviderTests
{
    private static (IncidentDocument Doc, string Fixed) ApplyFirst(string text, string code, int which = 0)
    {
        var doc = IncidentDocument.Parse(text);
        var finding = DocumentChecker.Default.Check(doc).Where(f => f.Code == code).ElementAt(which);
        var fix = QuickFixProvider.For(doc, finding).First();
        return (doc, TextEdits.Apply(text, fix.Edits));
    }

    [Fact]
    public void Missing_section_is_inserted_in_the_usual_order_and_the_finding_goes_away()
    {
        var text = RepoPaths.Fixture("postmortem-problems.md");
        var (_, fixedText) = ApplyFirst(text, "LT002");

        Assert.Contains("## Impact\n\n[FILL IN]\n\n## Timeline", fixedText);
        var after = DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText));
        Assert.DoesNotContain(after, f => f.Code == "LT002" && f.Data == "Impact");
    }

    [Fact]
    public void Missing_section_in_a_chinese_postmortem_gets_a_chinese_heading()
    {
        var (_, fixedText) = ApplyFirst(RepoPaths.Fixture("incident-zh.md"), "LT002");
        Assert.Contains("## 响应\n\n[FILL IN]\n\n## 后续行动", fixedText);
    }

    [Fact]
    public void Missing_last_section_is_appended_after_a_blank_line()
    {
        var text = "---\nkind: postmortem\n---\n# T\n## Summary\nx\n## Impact\nx\n## Timeline\n- 10:00 x\n## Root cause\nx\n## Detection\nx\n## Response\nx";
        var (_, fixedText) = ApplyFirst(text, "LT002");
        Assert.EndsWith("## Response\nx\n\n## Action items\n\n[FILL IN]\n", fixedText);
    }

    [Fact]
    public void Empty_section_gets_a_placeholder()
    {
        var (_, fixedText) = ApplyFirst(RepoPaths.Fixture("postmortem-problems.md"), "LT003");
        Assert.Contains("## Root cause\n\n[FILL IN]\n\n## Root Cause", fixedText);
        Assert.DoesNotContain(DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText)), f => f.Code == "LT003");
    }

    [Fact]
    public void Owner_placeholder_is_appended_to_the_item_line()
    {
        var (_, fixedText) = ApplyFirst(RepoPaths.Fixture("postmortem-problems.md"), "LT006");
        Assert.Contains("- Add backpressure to the consumer — [FILL IN]\n", fixedText);
        var after = DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText));
        Assert.Single(after, f => f.Code == "LT006");
    }

    [Fact]
    public void Priority_fixes_offer_each_priority()
    {
        var text = RepoPaths.Fixture("postmortem-problems.md");
        var doc = IncidentDocument.Parse(text);
        var finding = DocumentChecker.Default.Check(doc).First(f => f.Code == "LT007");
        var fixes = QuickFixProvider.For(doc, finding);

        Assert.Equal(["Set priority P0", "Set priority P1", "Set priority P2", "Set priority P3", "Set priority P4"], fixes.Select(f => f.Title));
        Assert.Contains("- **P2** Add backpressure to the consumer\n", TextEdits.Apply(text, fixes[2].Edits));
    }

    [Fact]
    public void Severity_fix_replaces_the_value()
    {
        var (_, fixedText) = ApplyFirst(RepoPaths.Fixture("postmortem-problems.md"), "LT009");
        Assert.Contains("severity: SEV1\n", fixedText);
    }

    [Fact]
    public void Fixes_keep_crlf_documents_crlf()
    {
        var text = RepoPaths.Fixture("postmortem-problems.md").ReplaceLineEndings("\r\n");
        foreach (var code in new[] { "LT002", "LT003" })
        {
            var (_, fixedText) = ApplyFirst(text, code);
            Assert.DoesNotContain("\n", fixedText.Replace("\r\n", "", StringComparison.Ordinal));
        }
    }
    [Fact]
    public void Blame_is_replaced_by_a_placeholder_for_the_condition()
    {
        var text = "---\nkind: postmortem\n---\n# T\n## Root cause\nHuman error during the failover.\n";
        var (_, fixedText) = ApplyFirst(text, "LT031");
        Assert.Contains("## Root cause\n[FILL IN] during the failover.\n", fixedText);
        var after = DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText));
        Assert.DoesNotContain(after, f => f.Code == "LT031");
        Assert.Contains(after, f => f.Code == "LT001");
    }

    [Theory]
    [InlineData("## Impact\nCheckout was slow for some customers.\n\n## Timeline\n- 10:00 x\n", "## Impact\nCheckout was slow for some customers.\n\nAffected: [FILL IN] users / requests over [FILL IN] minutes\n\n## Timeline")]
    [InlineData("## 影响\n部分用户下单缓慢。\n", "## 影响\n部分用户下单缓慢。\n\n影响规模：[待填写] 名用户 / 请求，持续 [待填写] 分钟\n")]
    public void An_impact_without_numbers_gets_placeholders_for_them_after_its_last_line(string body, string expected)
    {
        var text = "---\nkind: postmortem\n---\n# T\n" + body;
        var (_, fixedText) = ApplyFirst(text, "LT032");
        Assert.Contains(expected, fixedText);
        Assert.DoesNotContain(DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText)), f => f.Code == "LT032");
    }

    [Fact]
    public void An_untracked_item_gets_due_and_ticket_placeholders_and_a_vague_one_gets_no_mechanical_fix()
    {
        var text = "---\nkind: postmortem\ntemplate: pagerduty\n---\n# T\n## Action items\n- [ ] Alert on lock waits — SRE\n- [ ] Improve monitoring — SRE\n";
        var (doc, fixedText) = ApplyFirst(text, "LT033");
        Assert.Contains("- [ ] Alert on lock waits — SRE (due [FILL IN], ticket [FILL IN])\n", fixedText);
        var vague = DocumentChecker.Default.Check(doc).Where(f => f.Code == "LT033").ElementAt(1);
        Assert.Empty(QuickFixProvider.For(doc, vague));
        Assert.Single(DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText)), f => f.Code == "LT033");
    }

    [Fact]
    public void An_untracked_table_row_gets_its_ticket_cell_filled()
    {
        var text = "---\nkind: postmortem\ntemplate: pagerduty\n---\n# T\n## Action items\n| Action | Owner | Ticket |\n|---|---|---|\n| Alert on lock waits | SRE |  |\n";
        var (_, fixedText) = ApplyFirst(text, "LT033");
        Assert.Contains("| Alert on lock waits | SRE | [FILL IN] |\n", fixedText);
        Assert.DoesNotContain(DocumentChecker.Default.Check(IncidentDocument.Parse(fixedText)), f => f.Code == "LT033");
    }
}
