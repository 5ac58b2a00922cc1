using LspTriage.Core.Authoring;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Authoring;

public sealed class CompletionEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 14, 7, 31, TimeSpan.Zero);

    private static readonly AuthoringHistory History = IncidentFacts.Merge(
    [
        Facts("/w/incidents/2026-05-01-db.md", "---\nservice: payment-svc\nid: INC-101\n---\n# Payment DB failover took 9 minutes\n## Action items\n- P1 Add alert — DB team\n- P2 Runbook — @dana\n"),
        Facts("/w/incidents/2026-05-09-cdn.md", "---\nservice: edge-cdn\n---\n# CDN purge storm\n## Action items\n- P1 Rate-limit purges — DB team\n- P3 Dashboard — [FILL IN]\n"),
        Facts("/w/incidents/2026-05-20-pay.md", "---\nservice: payment-svc\n---\n# Payment webhooks delayed\n## Follow-ups\n- P2 x — @li.wei\n"),
    ]);

    private static IncidentFacts Facts(string path, string text) => IncidentFacts.Read(path, IncidentDocument.Parse(text, path));

    /// <summary>Completes where the text has a "‸" marker, and applies a suggestion by label if asked.</summary>
    private static (SuggestionList List, string Text) Complete(string marked, string? apply = null, string path = "/w/incidents/2026-06-02-new.md")
    {
        var at = marked.IndexOf('‸', StringComparison.Ordinal);
        var text = marked.Remove(at, 1);
        var document = IncidentDocument.Parse(text, path);
        var list = CompletionEngine.Complete(new CompletionRequest(document, document.Lines.PositionAt(at), Now, History, path));
        if (apply is null)
        {
            return (list, text);
        }
        var s = list.Items.Single(i => i.Label == apply);
        return (list, text[..s.Replace.Start] + s.InsertText + text[s.Replace.End..]);
    }

    [Fact]
    public void Front_matter_keys_not_yet_present()
    {
        var (list, text) = Complete("---\nservice: api\nse‸\n---\n# T\n", apply: "severity");
        Assert.DoesNotContain(list.Items, i => i.Label == "service");
        Assert.Contains(list.Items, i => i.Label == "created");
        Assert.Equal("---\nservice: api\nseverity: \n---\n# T\n", text);
    }

    [Theory]
    [InlineData("severity:‸", "SEV2", "severity: SEV2")]
    [InlineData("severity: S‸", "SEV1", "severity: SEV1")]
    [InlineData("status: ‸", "in-review", "status: in-review")]
    [InlineData("kind:‸", "postmortem", "kind: postmortem")]
    [InlineData("template: g‸", "google-sre", "template: google-sre")]
    [InlineData("created: ‸", "2026-06-02T14:07:31Z", "created: 2026-06-02T14:07:31Z")]
    public void Front_matter_values(string line, string label, string expected)
    {
        var (_, text) = Complete($"---\n{line}\n---\n# T\n", apply: label);
        Assert.Equal($"---\n{expected}\n---\n# T\n", text);
    }

    [Fact]
    public void Services_and_owners_come_from_history_most_used_first()
    {
        Assert.Equal(["payment-svc", "edge-cdn"], Complete("---\nservice: ‸\n---\n").List.Items.Select(i => i.Label));
        Assert.Equal(["DB team", "@dana", "@li.wei"], Complete("---\nowner: ‸\n---\n").List.Items.Select(i => i.Label));
    }

    [Fact]
    public void Headings_offer_missing_required_sections_first_in_template_order()
    {
        var (list, text) = Complete("---\nkind: postmortem\n---\n# T\n## Summary\nx\n## Timeline\n- 10:00 x\n## ‸\n", apply: "Impact");
        var labels = list.Items.Select(i => i.Label).ToArray();
        Assert.Equal(["Impact", "Root cause", "Detection", "Response", "Action items"], labels[..5]);
        Assert.DoesNotContain("Summary", labels);
        Assert.All(list.Items.Take(5), i => Assert.StartsWith("0", i.SortText));
        Assert.Contains("Lessons learned", labels);
        Assert.EndsWith("## Impact\n", text);
    }

    [Fact]
    public void Headings_follow_the_template_and_the_language()
    {
        var google = RepoPaths.Fixture("templates/google-sre.md")
            .Replace("**Trigger:** The retention job's first run after the 4.18.0 deploy, at 02:10 UTC.\n", "", StringComparison.Ordinal)
            .Replace("## Supporting information", "## ‸", StringComparison.Ordinal);
        var (list, text) = Complete(google, apply: "Trigger");
        Assert.Equal("Trigger", list.Items[0].Label);
        Assert.Contains("## Trigger\n", text);

        var chinese = Complete("---\nkind: postmortem\n---\n# 标题\n## 摘要\nx\n## ‸\n").List.Items.Select(i => i.Label).ToArray();
        Assert.Equal(["影响", "时间线", "根因"], chinese[..3]);
    }

    [Theory]
    [InlineData("- ‸Add alert — DB team", "P1", "- **P1** Add alert — DB team")]
    [InlineData("- **P‸", "P0", "- **P0** ")]
    public void Priorities_in_action_items(string line, string label, string expected)
    {
        var (_, text) = Complete($"# T\n## Action items\n{line}\n", apply: label);
        Assert.Equal($"# T\n## Action items\n{expected}\n", text);
    }

    [Fact]
    public void No_priority_suggestions_when_the_item_has_one_and_owners_after_a_dash_or_at()
    {
        Assert.Empty(Complete("# T\n## Action items\n- P2 Add alert ‸\n").List.Items);
        Assert.Equal(["DB team", "@dana", "@li.wei"], Complete("# T\n## Action items\n- P2 Add alert — ‸\n").List.Items.Select(i => i.Label));
        var (list, text) = Complete("# T\n## Action items\n- P2 Add alert — @d‸\n", apply: "@dana");
        Assert.Equal(["@dana", "@li.wei"], list.Items.Select(i => i.Label));
        Assert.Equal("# T\n## Action items\n- P2 Add alert — @dana\n", text);
    }

    [Fact]
    public void Timeline_entry_snippet_at_the_current_time_in_the_timelines_style()
    {
        var utc = Complete("# T\n## Timeline\n- 13:58 UTC — alert\n- ‸\n").List.Items.Single();
        Assert.True(utc.IsSnippet);
        Assert.Equal("- 14:07 UTC — ${1:what happened}", utc.InsertText);

        var dated = Complete("# T\n## Timeline\n- 2026-06-02 21:58 +08:00 — alert\n‸\n").List.Items.Single();
        Assert.Equal("- 2026-06-02 22:07 +08:00 — ${1:what happened}", dated.InsertText);
        Assert.Empty(Complete("# T\n## Timeline\n- 13:58 UTC — alert and ‸\n").List.Items);
    }

    [Fact]
    public void Past_incidents_as_relative_links_by_title_or_id()
    {
        var (list, text) = Complete("# T\n## Summary\nSame as [pay‸\n", apply: "Payment DB failover took 9 minutes");
        Assert.True(list.IsIncomplete);
        Assert.Equal(["Payment DB failover took 9 minutes", "Payment webhooks delayed"], list.Items.Select(i => i.Label));
        Assert.Equal("# T\n## Summary\nSame as [Payment DB failover took 9 minutes](2026-05-01-db.md)\n", text);

        Assert.Equal(["Payment DB failover took 9 minutes"], Complete("# T\nSee [INC-1‸\n").List.Items.Select(i => i.Label));
        var fromElsewhere = Complete("# T\nSee [CDN‸\n", path: "/w/postmortems/2026/pm.md").List.Items.Single();
        Assert.Equal("[CDN purge storm](../../incidents/2026-05-09-cdn.md)", fromElsewhere.InsertText);
    }

    [Fact]
    public void A_task_box_is_not_a_link_and_code_is_left_alone()
    {
        Assert.DoesNotContain(Complete("# T\n## Action items\n- [‸\n").List.Items, i => i.Kind == SuggestionKind.Incident);
        Assert.Empty(Complete("# T\nplain prose ‸\n").List.Items);
    }
}
