using System.Text.Json.Nodes;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

public sealed class FeatureTests
{
    private const string Uri = "file:///w/postmortems/problems.md";

    private static JsonObject Doc(string uri = Uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    [Fact]
    public async Task Pushed_diagnostics_carry_code_source_severity_and_version()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, RepoPaths.Fixture("postmortem-problems.md"), version: 7);
        var diagnostics = await client.DiagnosticsAsync(Uri, 7);

        var severity = diagnostics.Single(d => (string?)d!["code"] == "LT009")!;
        Assert.Equal("lsptriage", (string?)severity["source"]);
        Assert.Equal(1, (int)severity["severity"]!);
        Assert.Equal(3, (int)severity["range"]!["start"]!["line"]!);
        Assert.Equal(10, (int)severity["range"]!["start"]!["character"]!);
        Assert.Equal(16, diagnostics.Count);
    }

    [Fact]
    public async Task Pull_diagnostics_return_a_full_report_then_unchanged()
    {
        await using var client = await TestLspClient.StartInitializedAsync(initializationOptions: new JsonObject { ["diagnosticMode"] = "pull" });
        // Settings arrive after `initialized` and change the result id (they can change findings): let them land first.
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        await client.OpenAsync(Uri, RepoPaths.Fixture("postmortem-problems.md"));
        var first = (await client.RequestAsync("textDocument/diagnostic", Doc()))["result"]!;
        Assert.Equal("full", (string?)first["kind"]);
        Assert.Equal(16, first["items"]!.AsArray().Count);

        var second = (await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = Doc()["textDocument"]!.DeepClone(), ["previousResultId"] = (string?)first["resultId"] }))["result"]!;
        Assert.Equal("unchanged", (string?)second["kind"]);
        // Sentinel: a request answered after the open and both pulls; a push would have been scheduled by then.
        await client.RequestAsync("textDocument/foldingRange", Doc());
        Assert.Empty(client.Notifications("textDocument/publishDiagnostics"));
    }

    [Fact]
    public async Task Quick_fix_is_a_versioned_edit_that_removes_its_diagnostic()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var text = RepoPaths.Fixture("postmortem-problems.md");
        await client.OpenAsync(Uri, text, version: 3);
        var range = new JsonObject { ["start"] = new JsonObject { ["line"] = 24, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 24, ["character"] = 0 } };
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = Doc()["textDocument"]!.DeepClone(), ["range"] = range, ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } }))["result"]!.AsArray();

        var owner = actions.Single(a => ((string)a!["title"]!).StartsWith("Add an owner", StringComparison.Ordinal))!;
        Assert.Equal("quickfix", (string?)owner["kind"]);
        Assert.Equal("LT006", (string?)owner["diagnostics"]![0]!["code"]);
        var change = owner["edit"]!["documentChanges"]![0]!;
        Assert.Equal(3, (int)change["textDocument"]!["version"]!);
        Assert.Equal(5, actions.Count(a => ((string)a!["title"]!).StartsWith("Set priority", StringComparison.Ordinal)));

        var edits = change["edits"]!.AsArray().Select(e => new TextEdit(
            new TextRange(new Position((int)e!["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!), new Position((int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!)),
            (string)e["newText"]!));
        var fixedText = TextEdits.Apply(text, edits);
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 4 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = fixedText }),
        });
        var after = await client.DiagnosticsAsync(Uri, 4);
        Assert.DoesNotContain(after, d => (string?)d!["code"] == "LT006" && (int)d["range"]!["start"]!["line"]! == 24);
    }

    [Fact]
    public async Task Code_actions_respect_the_only_filter()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, RepoPaths.Fixture("postmortem-problems.md"));
        var range = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 30, ["character"] = 0 } };
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = Doc()["textDocument"]!.DeepClone(), ["range"] = range, ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor.nothing") } }))["result"]!.AsArray();
        Assert.Empty(actions);
    }

    [Fact]
    public async Task Outline_nests_sections_with_timeline_entries_and_action_items()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, RepoPaths.Fixture("postmortem-complete.md").Replace("kind: postmortem\n", ""));
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", Doc()))["result"]!.AsArray();

        var title = symbols.Single()!;
        Assert.Equal("Checkout API 502s after load balancer certificate rotation", (string?)title["name"]);
        var sections = title["children"]!.AsArray().Select(s => (string)s!["name"]!).ToArray();
        Assert.Equal(["Summary", "Impact", "Timeline (UTC)", "Root cause", "Detection", "Response", "Action items"], sections);
        var timeline = title["children"]![2]!;
        Assert.Equal("09:12 First 502 alerts fire.", (string?)timeline["children"]![0]!["name"]);
        Assert.Equal(13, (int)timeline["selectionRange"]!["start"]!["line"]!);
        var item = title["children"]![6]!["children"]![0]!;
        Assert.Equal("Platform team", (string?)item["detail"]);
    }

    [Fact]
    public async Task Outline_can_be_limited_to_headings()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        // Debug logging is part of the new settings: its "Settings applied" line is the event that they have landed.
        client.Settings = new JsonObject { ["outline"] = new JsonObject { ["entries"] = false }, ["logLevel"] = "debug" };
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Settings applied", StringComparison.Ordinal));
        await client.OpenAsync(Uri, RepoPaths.Fixture("postmortem-complete.md"));
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", Doc()))["result"]!.AsArray();
        Assert.Null(symbols[0]!["children"]![2]!["children"]);
    }

    [Fact]
    public async Task Outline_is_written_once_per_version_and_follows_edits_and_settings()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var text = RepoPaths.Fixture("postmortem-complete.md");
        await client.OpenAsync(Uri, text);
        async Task<string> Outline() => (await client.RequestAsync("textDocument/documentSymbol", Doc()))["result"]!.ToJsonString();

        var first = await Outline();
        Assert.Equal(first, await Outline());

        // Same version, other settings: the headings-only outline, not the kept one.
        client.Settings = new JsonObject { ["outline"] = new JsonObject { ["entries"] = false }, ["logLevel"] = "debug" };
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Settings applied", StringComparison.Ordinal));
        var headingsOnly = await Outline();
        Assert.NotEqual(first, headingsOnly);
        Assert.DoesNotContain("First 502 alerts fire", headingsOnly, StringComparison.Ordinal);

        // A new version: its own outline.
        var change = new JsonObject { ["text"] = text.Replace("## Root cause", "## Why it broke", StringComparison.Ordinal) };
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(change),
        });
        var edited = await Outline();
        Assert.Contains("Why it broke", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("Root cause", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folding_covers_front_matter_and_sections_to_their_last_line()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, RepoPaths.Fixture("postmortem-complete.md"));
        var ranges = (await client.RequestAsync("textDocument/foldingRange", Doc()))["result"]!.AsArray()
            .Select(r => ((int)r!["startLine"]!, (int)r["endLine"]!)).ToArray();

        Assert.Contains((0, 5), ranges);
        Assert.Contains((14, 18), ranges);
        Assert.Contains((6, 31), ranges);
    }

    [Fact]
    public async Task Placeholder_patterns_from_settings_apply_to_open_documents()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        const string incident = "file:///w/incidents/patterns.md";
        await client.OpenAsync(incident, "# T\n\nOwner: <<who>>\n");
        Assert.Empty(await client.DiagnosticsAsync(incident, 1));

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["lspTriage"] = new JsonObject { ["placeholders"] = new JsonObject { ["patterns"] = new JsonArray(@"<<\w+>>") } } },
        });
        var after = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => n["params"]!["diagnostics"]!.AsArray().Count == 1);
        Assert.Equal("LT001", (string?)after["params"]!["diagnostics"]![0]!["code"]);
    }
}
