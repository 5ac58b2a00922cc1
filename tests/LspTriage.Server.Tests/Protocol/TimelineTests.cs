using System.Text.Json.Nodes;
using LspTriage.Core.Text;

namespace LspTriage.Server.Tests.Protocol;

public sealed class TimelineTests
{
    private const string Uri = "file:///w/incidents/2026-06-02-payment.md";

    private const string Incident = """
        ---
        service: payment-svc
        created: 2026-06-02T13:58:00Z
        severity: SEV1
        kind: incident
        ---
        # Payment pool exhaustion

        ## Raw incident context

        Alice Chen  2:04 PM
        PaymentSvcErrorRateHigh paging, p99 4.8s
        Bob Lee  2:06 PM
        DB looks healthy, CPU is fine
        2:21
        pg_stat_activity: 212 sessions from payment-reconcile

        ## Timeline

        - 13:50 UTC — payment-svc v2.41 rolled out
        - 14:30 UTC — cron disabled by flag, error rate normal

        ## Notes

        [14:31] carol: all clear
        """;

    [Fact]
    public async Task Append_to_timeline_on_a_slack_paste_is_a_versioned_edit_in_time_order()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Incident, version: 5);
        var actions = await CodeActionsAsync(client, LineOf("Alice Chen  2:04 PM"), LineOf("pg_stat_activity"));

        var append = actions.Single(a => ((string)a!["title"]!).StartsWith("Append to Timeline", StringComparison.Ordinal))!;
        Assert.Equal("Append to Timeline (3 entries)", (string?)append["title"]);
        Assert.Equal("refactor.rewrite.lspTriage.timeline", (string?)append["kind"]);
        var change = append["edit"]!["documentChanges"]![0]!;
        Assert.Equal(5, (int)change["textDocument"]!["version"]!);
        var result = TextEdits.Apply(Incident, Edits(change));
        Assert.Contains("""
            - 13:50 UTC — payment-svc v2.41 rolled out
            - 14:04 UTC — Alice Chen: PaymentSvcErrorRateHigh paging, p99 4.8s
            - 14:06 UTC — Bob Lee: DB looks healthy, CPU is fine
            - 14:21 UTC — Bob Lee: pg_stat_activity: 212 sessions from payment-reconcile
            - 14:30 UTC — cron disabled by flag, error rate normal
            """.ReplaceLineEndings("\n"), result);
    }

    [Fact]
    public async Task No_timeline_action_on_a_cursor_or_on_prose()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Incident);
        var cursor = await CodeActionsAsync(client, LineOf("Bob Lee  2:06 PM"), LineOf("Bob Lee  2:06 PM"), endCharacter: 0);
        Assert.DoesNotContain(cursor, a => ((string)a!["kind"]!).Contains("timeline", StringComparison.Ordinal));
        var prose = await CodeActionsAsync(client, LineOf("# Payment pool"), LineOf("# Payment pool"));
        Assert.DoesNotContain(prose, a => ((string)a!["kind"]!).Contains("timeline", StringComparison.Ordinal));
    }

    private const string PostmortemUri = "file:///w/postmortems/2025-03-11-payment.md";

    [Fact]
    public async Task Inlay_hints_mark_detection_mitigation_and_resolution_with_the_time_since_onset()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var text = File.ReadAllText(Path.Combine(LspTriage.Tests.Shared.RepoPaths.SamplesRoot, "history", "2025-03-11-payment-pool-exhausted.md"));
        await client.OpenAsync(PostmortemUri, text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var response = await client.RequestAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = PostmortemUri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = lines.Length, ["character"] = 0 } },
        });
        var hints = response["result"]!.AsArray().Select(h => ((int)h!["position"]!["line"]!, (int)h["position"]!["character"]!, (string)h["label"]!)).ToArray();

        int Line(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(
            [
                (Line("- 15:05 UTC"), lines[Line("- 15:05 UTC")].Length, "⏱ onset"),
                (Line("- 15:07 UTC"), lines[Line("- 15:07 UTC")].Length, "⏱ detected · TTD 2m"),
                (Line("- 15:30 UTC"), lines[Line("- 15:30 UTC")].Length, "⏱ mitigated · TTM 25m"),
                (Line("- 15:36 UTC"), lines[Line("- 15:36 UTC")].Length, "⏱ resolved · TTR 31m"),
            ],
            hints);

        var outside = await client.RequestAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = PostmortemUri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 5, ["character"] = 0 } },
        });
        Assert.Empty(outside["result"]!.AsArray());
    }

    [Fact]
    public async Task Hover_on_the_timeline_heading_shows_the_metrics_and_capability_is_advertised()
    {
        await using var client = TestLspClient.Start();
        var init = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = TestLspClient.DefaultCapabilities() });
        Assert.True((bool)init["result"]!["capabilities"]!["inlayHintProvider"]!);
        await client.NotifyAsync("initialized", new JsonObject());
        var text = File.ReadAllText(Path.Combine(LspTriage.Tests.Shared.RepoPaths.SamplesRoot, "history", "2025-03-11-payment-pool-exhausted.md"));
        await client.OpenAsync(PostmortemUri, text);
        var line = Array.FindIndex(text.ReplaceLineEndings("\n").Split('\n'), l => l == "## Timeline");
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = PostmortemUri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = 4 },
        });
        var card = (string)hover["result"]!["contents"]!["value"]!;
        Assert.Contains("| Detection | 2025-03-11 15:07 +00:00 | 2m | \"pages\" |", card);
        Assert.Contains("| Resolution | 2025-03-11 15:36 +00:00 | 31m |", card);
    }

    private static int LineOf(string text) =>
        Incident.ReplaceLineEndings("\n").Split('\n').ToList().FindIndex(l => l.StartsWith(text, StringComparison.Ordinal));

    private static async Task<JsonArray> CodeActionsAsync(TestLspClient client, int startLine, int endLine, int endCharacter = 200)
    {
        var range = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = startLine, ["character"] = 0 },
            ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
        };
        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["range"] = range,
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        return response["result"]!.AsArray();
    }

    private static IEnumerable<TextEdit> Edits(JsonNode change) =>
        change["edits"]!.AsArray().Select(e => new TextEdit(
            new TextRange(
                new Position((int)e!["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!),
                new Position((int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!)),
            (string)e["newText"]!));
}
