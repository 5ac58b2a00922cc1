using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary><c>textDocument/completion</c> over the protocol, with the history read from files on disk.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<TestLspClient> StartAsync()
    {
        _root.Write("incidents/2026-05-01-db.md", "---\nservice: payment-svc\nid: INC-101\n---\n# Payment DB failover took 9 minutes\n\n## Action items\n- P1 Add alert — DB team\n");
        _root.Write("incidents/2026-05-09-cdn.md", "---\nservice: edge-cdn\n---\n# CDN purge storm\n\n## Action items\n- P1 Rate-limit purges — @dana\n");
        _root.Write("docs/readme.md", "---\nservice: not-an-incident\n---\n# Readme\n");
        var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path, time: new FixedClock(new DateTimeOffset(2026, 6, 2, 14, 7, 31, TimeSpan.Zero)));
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        return client;
    }

    private static async Task<JsonObject> CompleteAsync(TestLspClient client, string uri, int line, int character, string? trigger = null) =>
        (JsonObject)(await client.RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
            ["context"] = trigger is null ? new JsonObject { ["triggerKind"] = 1 } : new JsonObject { ["triggerKind"] = 2, ["triggerCharacter"] = trigger },
        }))["result"]!;

    private static string[] Labels(JsonObject list) => list["items"]!.AsArray().Select(i => (string)i!["label"]!).ToArray();

    [Fact]
    public async Task Front_matter_values_use_the_injected_clock_and_the_workspace_history()
    {
        await using var client = await StartAsync();
        var uri = new Uri(Path.Combine(_root.Path, "incidents", "2026-06-02-new.md")).AbsoluteUri;
        await client.OpenAsync(uri, "---\nservice: \ncreated: \n---\n# New incident\n\n## Raw incident context\nSame as [pay\n");

        var services = await CompleteAsync(client, uri, 1, 9);
        // Equally frequent: alphabetical. The readme outside the incident folders is not history.
        Assert.Equal(["edge-cdn", "payment-svc"], Labels(services));
        var created = (await CompleteAsync(client, uri, 2, 9))["items"]![0]!;
        Assert.Equal("2026-06-02T14:07:31Z", (string)created["textEdit"]!["newText"]!);
        Assert.Equal(2, (int)created["textEdit"]!["range"]!["start"]!["line"]!);

        var links = await CompleteAsync(client, uri, 7, 12, "[");
        Assert.True((bool)links["isIncomplete"]!);
        var link = links["items"]!.AsArray().Single()!;
        Assert.Equal("[Payment DB failover took 9 minutes](2026-05-01-db.md)", (string)link["textEdit"]!["newText"]!);
        Assert.Equal(18, (int)link["kind"]!);
    }

    [Fact]
    public async Task Headings_priorities_and_timeline_snippets_in_a_postmortem()
    {
        await using var client = await StartAsync();
        const string uri = "file:///w/postmortems/pm.md";
        await client.OpenAsync(uri, "---\nkind: postmortem\n---\n# PM\n\n## Summary\nx\n\n## Timeline\n- 13:58 UTC — alert\n- \n\n## Action items\n- Add alert — \n\n## \n");

        var headings = await CompleteAsync(client, uri, 15, 3, "#");
        Assert.Equal(["Impact", "Root cause", "Detection", "Response"], Labels(headings)[..4]);

        var entry = (await CompleteAsync(client, uri, 10, 2, "-"))["items"]![0]!;
        Assert.Equal(2, (int)entry["insertTextFormat"]!);
        Assert.Equal("- 14:07 UTC — ${1:what happened}", (string)entry["textEdit"]!["newText"]!);

        Assert.Equal(["@dana", "DB team"], Labels(await CompleteAsync(client, uri, 13, 14)));
        Assert.Equal(["P0", "P1", "P2", "P3", "P4"], Labels(await CompleteAsync(client, uri, 13, 2)));
    }

    [Fact]
    public async Task Right_after_keystrokes_in_a_line_completion_answers_as_after_a_full_parse()
    {
        await using var client = await StartAsync();
        const string uri = "file:///w/postmortems/pm.md";
        await client.OpenAsync(uri, "---\nkind: postmortem\n---\n# PM\n\n## Summary\nx\n\n## Timeline\n- 13:58 UTC — alert\n- \n\n## Action items\n- Add alert — \n\n## \n");
        await client.DiagnosticsAsync(uri, 1);

        // Typed inside line 13, version by version, completion asked at once: the last parse serves the new text.
        await client.NotifyAsync("textDocument/didChange", Change(uri, 2, 13, 14, "@"));
        Assert.Contains("@dana", Labels(await CompleteAsync(client, uri, 13, 15, "@")));
        await client.NotifyAsync("textDocument/didChange", Change(uri, 3, 15, 3, "I"));
        Assert.Equal(["Impact"], Labels(await CompleteAsync(client, uri, 15, 4)).Take(1));
        // A new line moves everything after it: that version is parsed, and the new item is in the action items.
        await client.NotifyAsync("textDocument/didChange", Change(uri, 4, 13, 15, "\n- "));
        Assert.Equal(["P0", "P1", "P2", "P3", "P4"], Labels(await CompleteAsync(client, uri, 14, 2)));
    }

    private static JsonObject Change(string uri, int version, int line, int character, string text) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = character },
            },
            ["text"] = text,
        }),
    };

    [Fact]
    public async Task Completion_is_advertised_and_silent_for_files_that_are_not_ours()
    {
        var client = TestLspClient.Start();
        await using var _ = client;
        var init = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        Assert.Equal(["#", "@", "[", ":", "-"], init["result"]!["capabilities"]!["completionProvider"]!["triggerCharacters"]!.AsArray().Select(c => (string)c!));
        await client.NotifyAsync("initialized", new JsonObject());
        await client.OpenAsync("file:///w/docs/readme.md", "# Readme\n\n## \n");
        Assert.Empty(Labels(await CompleteAsync(client, "file:///w/docs/readme.md", 2, 3)));
    }
}
