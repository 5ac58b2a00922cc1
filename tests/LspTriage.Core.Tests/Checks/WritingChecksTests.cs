using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Checks;

/// <summary>Rules about how well a postmortem is written (blame, numbers, actionable items) and the ways to silence them.</summary>
public sealed class WritingChecksTests
{
    private const string Head = "---\nkind: postmortem\n---\n# T\n";

    private static (int Line, string Code, string Text)[] Check(string text, DocumentOptions? options = null)
    {
        var document = IncidentDocument.Parse(text, options: options);
        return DocumentChecker.Default.Check(document)
            .Where(f => f.Code is "LT031" or "LT032" or "LT033" or "LT006")
            .Select(f => (document.RangeOf(f.Span).Start.Line + 1, f.Code, document.TextOf(f.Span)))
            .ToArray();
    }

    [Fact]
    public void Blame_in_cause_sections_but_not_elsewhere()
    {
        var text = Head + "## Summary\nNot human error, we think.\n## Root cause\nHuman error: @kim forgot to drain the node.\n```\nhuman error in code\n```\n## Five whys\n1. The outage was caused by @ops-bot.\n";
        Assert.Equal([(8, "LT031", "Human error"), (8, "LT031", "@kim forgot"), (13, "LT031", "caused by @ops-bot")], Check(text));
    }

    [Fact]
    public void Chinese_blame_is_found_too() =>
        Assert.Equal([(8, "LT031", "人为失误")], Check(Head + "## 摘要\nx\n## 根因\n人为失误导致配置错误。\n"));

    [Theory]
    [InlineData("Some customers could not check out for a while.", true)]
    [InlineData("Customers could not check out for 18 minutes.", false)]
    [InlineData("All customers in EU were affected.", false)]
    [InlineData("[FILL IN]", false)]
    public void Impact_needs_a_number(string impact, bool reported) =>
        Assert.Equal(reported, Check(Head + $"## Impact\n{impact}\n").Any(f => f.Code == "LT032"));

    [Fact]
    public void Vague_items_always_and_untracked_items_where_the_template_tracks_them()
    {
        var items = "- [ ] P1 Improve monitoring — SRE\n- [ ] P2 Be more careful with deploys — @kim\n- [ ] P2 Add a lock timeout — Data team\n- [x] P3 Improve monitoring — SRE\n";
        Assert.Equal([(6, "LT033", "P1 Improve monitoring — SRE"), (7, "LT033", "P2 Be more careful with deploys — @kim")], Check(Head + "## Action items\n" + items));

        var pagerduty = Check("---\nkind: postmortem\ntemplate: pagerduty\n---\n# T\n## Action items\n" + items.Replace("Add a lock timeout", "Add a lock timeout (due 2026-07-01)", StringComparison.Ordinal) + "- [ ] Alert on lock waits — SRE\n- [ ] Runbook ([OPS-12](https://t.example/OPS-12)) — SRE\n");
        Assert.Equal(["P1 Improve monitoring — SRE", "P2 Be more careful with deploys — @kim", "Alert on lock waits — SRE"], pagerduty.Select(f => f.Text));
        Assert.Equal("Action item has neither a due date nor a ticket link.", DocumentChecker.Default.Check(IncidentDocument.Parse("---\nkind: postmortem\ntemplate: pagerduty\n---\n# T\n## Action items\n- [ ] Alert on lock waits — SRE\n")).Single(f => f.Code == "LT033").Message);
    }

    [Fact]
    public void Disable_comments_for_the_next_line_the_section_and_the_file()
    {
        var text = Head + "## Root cause\n<!-- lsptriage-disable-next-line LT031 -->\nHuman error.\nHuman error again.\n## Action items\n<!-- lsptriage-disable LT006 -->\n- P1 Add alert\n- P2 Add dashboard\n## Follow-ups\n- P1 Add runbook\n";
        Assert.Equal([(8, "LT031", "Human error"), (14, "LT006", "P1 Add runbook")], Check(text));

        Assert.Empty(Check("<!-- lsptriage-disable-file LT031 LT006 -->\n" + text));
        // Without codes, every rule is off there; another rule's code leaves this one on.
        Assert.Equal([(8, "LT031", "Human error"), (14, "LT006", "P1 Add runbook")], Check(text.Replace("LT006 -->", "-->", StringComparison.Ordinal)));
        Assert.Contains((7, "LT031", "Human error"), Check(text.Replace("disable-next-line LT031", "disable-next-line LT002", StringComparison.Ordinal)));
    }

    [Fact]
    public void Rules_can_be_disabled_in_the_options()
    {
        var text = Head + "## Root cause\nHuman error.\n## Action items\n- P1 Add alert\n";
        Assert.Equal(["LT006"], Check(text, new DocumentOptions { DisabledRules = ["lt031"] }).Select(f => f.Code));
    }

    [Fact]
    public void Complete_template_postmortems_stay_clean_under_the_new_rules()
    {
        foreach (var name in new[] { "google-sre.md", "atlassian.md", "pagerduty.md" })
        {
            Assert.Empty(DocumentChecker.Default.Check(IncidentDocument.Parse(RepoPaths.Fixture($"templates/{name}"))));
        }
    }
}
