using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Documents;

public sealed class IncidentDocumentTests
{
    [Fact]
    public void Reads_front_matter_with_value_spans_and_comments_removed()
    {
        var text = "---\nservice: payment-svc\nseverity: SEV1          # optional\ncategories:\n- database\n- deploy\ntags: [a, \"b\"]\n---\n# T\n";
        var doc = IncidentDocument.Parse(text);

        Assert.True(doc.FrontMatter.IsPresent);
        Assert.Equal("payment-svc", doc.Service);
        var severity = doc.FrontMatter.Find("severity")!;
        Assert.Equal("SEV1", severity.Value);
        Assert.Equal("SEV1", doc.TextOf(severity.ValueSpan));
        Assert.Equal(["database", "deploy"], doc.FrontMatter.Find("categories")!.Items);
        Assert.Equal(["a", "b"], doc.FrontMatter.Find("tags")!.Items);
    }

    [Fact]
    public void Flow_list_items_keep_commas_quotes_and_hashes_inside_quoted_items()
    {
        var text = "---\n" +
            "expect_any: [\"0/9 nodes are available: 3 Insufficient memory, 3 node(s) had taint\", 'it''s', plain]\n" +
            "expect_evidence: [\"exec: \\\"celery\\\": executable file not found\", \"a # not a comment\"]  # a comment\n" +
            "note: don't split # comment\n" +
            "---\n# T\n";
        var doc = IncidentDocument.Parse(text);

        Assert.Equal(["0/9 nodes are available: 3 Insufficient memory, 3 node(s) had taint", "it's", "plain"], doc.FrontMatter.Find("expect_any")!.Items);
        Assert.Equal(["exec: \"celery\": executable file not found", "a # not a comment"], doc.FrontMatter.Find("expect_evidence")!.Items);
        Assert.Equal("don't split", doc.FrontMatter.Find("note")!.Value);
    }

    [Fact]
    public void Builds_the_section_tree_with_kinds_and_exact_heading_ranges()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-complete.md"));

        Assert.Equal("Checkout API 502s after load balancer certificate rotation", doc.Title);
        Assert.Equal(doc.Title, doc.TextOf(doc.TitleSpan));
        var kinds = doc.Sections.Where(s => s.Level == 2).Select(s => s.Kind).ToArray();
        Assert.Equal(
            [SectionKind.Summary, SectionKind.Impact, SectionKind.Timeline, SectionKind.RootCause, SectionKind.Detection, SectionKind.Response, SectionKind.ActionItems],
            kinds);
        var timeline = doc.FindSection(SectionKind.Timeline)!;
        Assert.Equal("Timeline (UTC)", timeline.Heading);
        Assert.Equal(new Position(14, 3), doc.RangeOf(timeline.HeadingSpan).Start);
        Assert.Equal(0, timeline.ParentIndex);
        Assert.StartsWith("- 09:12", doc.ContentOf(timeline));
        Assert.DoesNotContain("## Root cause", doc.ContentOf(timeline));
    }

    [Fact]
    public void Recognises_chinese_headings()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("incident-zh.md"));

        Assert.Equal(DocumentKind.Postmortem, doc.Kind);
        Assert.NotNull(doc.FindSection(SectionKind.Summary));
        Assert.NotNull(doc.FindSection(SectionKind.RootCause));
        Assert.NotNull(doc.FindSection(SectionKind.ActionItems));
        Assert.Equal("缓存组", doc.ActionItems.Single().Owner);
        Assert.Equal(2, doc.Timeline.Count);
        Assert.Equal(TimeSpan.Zero, doc.Timeline[0].Time!.Offset ?? TimeSpan.Zero);
    }

    [Fact]
    public void Finds_placeholders_outside_code_only()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("incident-with-code.md"));

        var found = doc.Placeholders.Select(p => (p.Token, Line: doc.RangeOf(p.Span).Start.Line)).ToArray();
        Assert.Equal([("TBD", 7), ("[TODO]", 13), ("[FILL IN]", 14)], found);
        var todo = doc.Placeholders[1];
        Assert.Equal("[TODO]", doc.TextOf(todo.Span));
        Assert.Equal(doc.FindSection(SectionKind.RawContext), doc.Sections[todo.SectionIndex]);
    }

    [Fact]
    public void Placeholder_positions_are_utf16_columns_after_astral_characters()
    {
        var doc = IncidentDocument.Parse("# 😀 T\n\n## Summary\n😀 é [FILL IN]\n");
        var p = doc.Placeholders.Single();
        Assert.Equal(new Position(3, 5), doc.RangeOf(p.Span).Start);
    }

    [Fact]
    public void Configured_placeholder_patterns_are_used_and_invalid_ones_ignored()
    {
        var options = new DocumentOptions { PlaceholderPatterns = [@"<<\w+>>", "(unclosed"] };
        var doc = IncidentDocument.Parse("# T\n\n## Summary\nOwner <<name>> here.\n", null, options);
        Assert.Equal("<<name>>", doc.Placeholders.Single().Token);
    }

    [Fact]
    public void Reads_timeline_times_with_dates_zones_and_am_pm()
    {
        var doc = IncidentDocument.Parse("# T\n## Timeline\n- 2026-06-02 13:50 UTC: deploy\n- 2:04 PM — page\n- **14:06:30+08:00** note\n- `14:07Z` x\n- 25:70 — bad\n- Later — no time\n- [FILL IN] Mitigation\n");
        var times = doc.Timeline.Select(e => e.Time).ToArray();
        Assert.Equal(new TimelineTime(new DateOnly(2026, 6, 2), new TimeOnly(13, 50), TimeSpan.Zero), times[0]);
        Assert.Equal(new TimeOnly(14, 4), times[1]!.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(8), times[2]!.Offset);
        Assert.Equal(new TimeOnly(14, 6, 30), times[2]!.TimeOfDay);
        Assert.Equal(new TimeOnly(14, 7), times[3]!.TimeOfDay);
        Assert.Null(times[4]);
        Assert.Null(times[5]);
        Assert.True(doc.Timeline[6].IsPlaceholder);
        Assert.Equal("deploy", doc.Timeline[0].Description);
    }

    [Fact]
    public void Reads_action_item_priority_owner_and_done_state()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("postmortem-complete.md"));

        var items = doc.ActionItems;
        Assert.Equal(2, items.Count);
        Assert.Equal(("P1", "Platform team", false), (items[0].Priority, items[0].Owner, items[0].IsDone));
        Assert.Equal(("P2", "SRE", true), (items[1].Priority, items[1].Owner, items[1].IsDone));
        Assert.Equal("P1", doc.TextOf(items[0].PrioritySpan));
    }

    [Theory]
    [InlineData("- [P2] Fix retries (owner: @dana)", "P2", "@dana")]
    [InlineData("- P0: Add index -- DB team", "P0", "DB team")]
    [InlineData("- Add alert, Owner: SRE", null, "SRE")]
    [InlineData("- 增加告警 负责人：平台组", null, "平台组")]
    [InlineData("- Ping @lee about the roll-out", null, "@lee")]
    [InlineData("- Add a P99 dashboard for the API", null, null)]
    public void Action_item_shapes(string line, string? priority, string? owner)
    {
        var item = IncidentDocument.Parse($"# T\n## Action items\n{line}\n").ActionItems.Single();
        Assert.Equal(priority, item.Priority);
        Assert.Equal(owner, item.Owner);
    }

    [Fact]
    public void Reads_generated_blocks_with_attributes()
    {
        var text = "# T\n## Raw incident context\nlog\n<!-- lsptriage:begin analysis provider=offline model=\"x y\" hash=abc123 -->\n## Summary\nGenerated.\n<!-- lsptriage:end -->\nafter\n";
        var doc = IncidentDocument.Parse(text);

        var block = doc.GeneratedBlocks.Single();
        Assert.Equal("analysis", block.Kind);
        Assert.Equal("x y", block.Attributes["model"]);
        Assert.Equal("abc123", block.Hash);
        Assert.Equal("## Summary\nGenerated.\n", doc.TextOf(block.ContentSpan));
        Assert.True(doc.Sections.Single(s => s.Kind == SectionKind.Summary).IsGenerated);
        var raw = doc.FindSection(SectionKind.RawContext)!;
        Assert.Equal("log\n\nafter\n", doc.UserTextOf(raw.ContentSpan));
        Assert.Equal(doc.Sections.ToList().IndexOf(raw), doc.Sections.Single(s => s.IsGenerated).ParentIndex);
    }

    [Theory]
    [InlineData("/w/incidents/2026/a.md", DocumentKind.Incident)]
    [InlineData("/w/team/postmortems/a.md", DocumentKind.Postmortem)]
    [InlineData("/w/notes/db.incident.md", DocumentKind.Incident)]
    [InlineData("C:\\w\\postmortems\\a.md", DocumentKind.Postmortem)]
    [InlineData("/w/README.md", DocumentKind.NotOurs)]
    public void Classifies_by_glob(string path, DocumentKind expected) =>
        Assert.Equal(expected, IncidentDocument.Parse("# T\n", path).Kind);

    [Fact]
    public void Front_matter_kind_overrides_the_glob() =>
        Assert.Equal(DocumentKind.Postmortem, IncidentDocument.Parse("---\nkind: postmortem\n---\n# T\n", "/w/README.md").Kind);

    [Fact]
    public void Empty_sections_ignore_comments_but_not_children()
    {
        var doc = IncidentDocument.Parse("# T\n## Summary\n<!-- later -->\n\n## Timeline\n### Day 1\n- 10:00 x\n## Impact\n");
        Assert.True(doc.FindSection(SectionKind.Summary)!.IsEmpty);
        Assert.False(doc.FindSection(SectionKind.Timeline)!.IsEmpty);
        Assert.True(doc.FindSection(SectionKind.Impact)!.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("---\nkey: [unclosed\n")]
    [InlineData("#")]
    [InlineData("```\nunterminated fence [FILL IN]")]
    [InlineData("<!-- lsptriage:begin analysis\n")]
    [InlineData("<!-- lsptriage:begin analysis -->\nno end")]
    [InlineData("- ``` ` `` ```` `\n- `````")]
    [InlineData("\r\n\r# a\r\n## Timeline\r- 10:00 x\r")]
    [InlineData("\uFEFF---\nservice: x\n---\n# T")]
    [InlineData("\ud800 lone surrogate [FILL IN]")]
    public void Never_throws(string text)
    {
        var doc = IncidentDocument.Parse(text);
        Assert.Same(text, doc.Text);
    }

    [Fact]
    public void Binary_content_becomes_a_problem_not_an_exception()
    {
        var doc = IncidentDocument.Parse(RepoPaths.Fixture("binary.md"));
        Assert.Contains("binary", doc.Problems.Single().Message);
        Assert.Empty(doc.Sections);
    }

    [Fact]
    public void Unclosed_generated_block_runs_to_the_end_and_is_marked()
    {
        var doc = IncidentDocument.Parse("# T\n<!-- lsptriage:begin analysis hash=1 -->\n## Summary\nx\n");
        Assert.False(doc.GeneratedBlocks.Single().IsClosed);
    }
}
