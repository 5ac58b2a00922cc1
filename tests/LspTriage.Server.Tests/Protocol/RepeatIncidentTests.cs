using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// LT030 over the protocol: a postmortem whose similar past incident (from the server's similarity index) happened
/// within 30 days before it and still has open action items gets an information diagnostic linking that file, pushed
/// and pulled alike; closing the past items on disk takes it away.
/// </summary>
public sealed class RepeatIncidentTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly TempFolder _history = new();

    public RepeatIncidentTests()
    {
        // The same failure twice: postmortem-complete.md (created 2026-05-14) and its twin from 2026-04-30.
        _history.Write("2026/checkout-502.md", Past(open: true));
    }

    public void Dispose()
    {
        _root.Dispose();
        _history.Dispose();
    }

    private static string Past(bool open) => RepoPaths.Fixture("postmortem-complete.md")
        .Replace("created: 2026-05-14T09:12:00Z", "created: 2026-04-30T10:00:00Z", StringComparison.Ordinal)
        .Replace("- [ ] **P1**", open ? "- [ ] **P1**" : "- [x] **P1**", StringComparison.Ordinal);

    private string PastPath => Path.Combine(_history.Path, "2026", "checkout-502.md");

    private string NowUri => new Uri(Path.Combine(_root.Path, "postmortems", "now.md")).AbsoluteUri;

    private async Task<TestLspClient> StartAsync(bool pull)
    {
        var capabilities = TestLspClient.DefaultCapabilities();
        if (pull)
        {
            capabilities["textDocument"]!["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
            capabilities["workspace"]!["diagnostics"] = new JsonObject { ["refreshSupport"] = true };
        }
        var client = await TestLspClient.StartInitializedAsync(capabilities, rootPath: _root.Path, beforeInitialize: c =>
            c.Settings = new JsonObject { ["similarity"] = new JsonObject { ["historyFolders"] = new JsonArray(_history.Path) } });
        // Generous: under a loaded CI machine the index of three files can take seconds.
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal), timeoutMs: 30_000);
        return client;
    }

    private static JsonNode? Repeat(JsonArray diagnostics) => diagnostics.SingleOrDefault(d => (string?)d!["code"] == "LT030");

    [Fact]
    public async Task Pushed_with_the_past_file_as_related_information_and_code_description()
    {
        await using var client = await StartAsync(pull: false);
        await client.OpenAsync(NowUri, RepoPaths.Fixture("postmortem-complete.md"));

        var repeat = Repeat(await client.DiagnosticsAsync(NowUri, 1));
        Assert.NotNull(repeat);
        Assert.Equal(3, (int)repeat["severity"]!);
        Assert.Equal(6, (int)repeat["range"]!["start"]!["line"]!); // the title
        Assert.Contains("happened 2026-04-30 (14 days before this one) and 1 action item is still open", (string)repeat["message"]!, StringComparison.Ordinal);
        var pastUri = new Uri(PastPath).AbsoluteUri;
        Assert.Equal(pastUri, (string)repeat["codeDescription"]!["href"]!);
        var related = Assert.Single(repeat["relatedInformation"]!.AsArray())!;
        Assert.Equal(pastUri, (string)related["location"]!["uri"]!);
        Assert.Equal(30, (int)related["location"]!["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task Pulled_and_gone_once_the_past_action_items_are_closed_on_disk()
    {
        await using var client = await StartAsync(pull: true);
        await client.OpenAsync(NowUri, RepoPaths.Fixture("postmortem-complete.md"));
        JsonObject Pull(string? previous = null) => new() { ["textDocument"] = new JsonObject { ["uri"] = NowUri }, ["previousResultId"] = previous };

        var first = (await client.RequestAsync("textDocument/diagnostic", Pull()))["result"]!;
        Assert.NotNull(Repeat(first["items"]!.AsArray()));

        File.WriteAllText(PastPath, Past(open: false));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(PastPath).AbsoluteUri, ["type"] = 2 }) });
        // The index applies file events in the background; the result id moves on when it has.
        JsonNode second;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(20);
            second = (await client.RequestAsync("textDocument/diagnostic", Pull((string)first["resultId"]!)))["result"]!;
        }
        while ((string)second["kind"]! == "unchanged" && DateTime.UtcNow < deadline);
        Assert.Equal("full", (string)second["kind"]!);
        Assert.Null(Repeat(second["items"]!.AsArray()));
    }

    [Fact]
    public async Task Not_reported_when_disabled_in_the_settings()
    {
        await using var client = await StartAsync(pull: false);
        client.Settings = new JsonObject
        {
            ["similarity"] = new JsonObject { ["historyFolders"] = new JsonArray(_history.Path) },
            ["rules"] = new JsonObject { ["disabled"] = new JsonArray("LT030") },
            // Debug logging is part of the new settings: its "Settings applied" line is the event that they have landed.
            ["logLevel"] = "debug",
        };
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject() });
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Settings applied", StringComparison.Ordinal));
        await client.OpenAsync(NowUri, RepoPaths.Fixture("postmortem-complete.md"));

        Assert.Null(Repeat(await client.DiagnosticsAsync(NowUri, 1)));
    }

    private static Task RepeatsSearchedAsync(TestLspClient client) =>
        client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Repeat incidents:", StringComparison.Ordinal), timeoutMs: 30_000);

    private static async Task<JsonArray> WorkspacePullAsync(TestLspClient client, JsonArray? previous = null) =>
        (await client.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = previous ?? new JsonArray() }))["result"]!["items"]!.AsArray();

    private static JsonArray Previous(JsonArray items) =>
        new([.. items.Select(i => (JsonNode)new JsonObject { ["uri"] = (string)i!["uri"]!, ["value"] = (string)i["resultId"]! })]);

    [Fact]
    public async Task A_closed_file_gets_it_in_workspace_problems_after_the_index_then_unchanged_then_gone_when_the_past_items_close()
    {
        _root.Write("postmortems/now.md", RepoPaths.Fixture("postmortem-complete.md"));
        await using var client = await StartAsync(pull: true);

        // The index is built: the server searches the closed file's record (and asks the client to pull again).
        await RepeatsSearchedAsync(client);
        var first = await WorkspacePullAsync(client);
        var report = Assert.Single(first, i => (string)i!["uri"]! == NowUri)!;
        Assert.Equal("full", (string)report["kind"]!);
        var repeat = Repeat(report["items"]!.AsArray());
        Assert.True(repeat is not null, client.LogText);
        Assert.Contains("happened 2026-04-30 (14 days before this one) and 1 action item is still open", (string)repeat["message"]!, StringComparison.Ordinal);
        Assert.Equal(new Uri(PastPath).AbsoluteUri, (string)repeat["relatedInformation"]![0]!["location"]!["uri"]!);

        var again = await WorkspacePullAsync(client, Previous(first));
        Assert.Equal("unchanged", (string)Assert.Single(again, i => (string)i!["uri"]! == NowUri)!["kind"]!);

        // The past incident's items are closed on disk: the closed file is searched again, its id moves on.
        var refreshes = client.ServerRequestCount("workspace/diagnostic/refresh");
        File.WriteAllText(PastPath, Past(open: false));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(PastPath).AbsoluteUri, ["type"] = 2 }) });
        await client.WaitForServerRequestCountAsync("workspace/diagnostic/refresh", refreshes, timeoutMs: 30_000);
        // Other refreshes (the settings at start-up, the index) may still have been on their way when counted: pull
        // until the file's id moves on, as a client would on the next refresh.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode third;
        while (true)
        {
            third = Assert.Single(await WorkspacePullAsync(client, Previous(first)), i => (string)i!["uri"]! == NowUri)!;
            if ((string)third["kind"]! != "unchanged" || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(20);
        }
        Assert.Equal("full", (string)third["kind"]!);
        Assert.Null(Repeat(third["items"]!.AsArray()));
    }

    [Fact]
    public async Task A_closed_file_that_disables_LT030_inline_does_not_get_it_and_other_workspace_files_are_past_incidents_too()
    {
        _root.Write("postmortems/now.md", RepoPaths.Fixture("postmortem-complete.md") + "\n<!-- lsptriage-disable-file LT030 -->\n");
        _root.Write("postmortems/other.md", RepoPaths.Fixture("postmortem-complete.md").Replace("2026-05-14T09:12:00Z", "2026-05-15T09:12:00Z", StringComparison.Ordinal));
        await using var client = await StartAsync(pull: true);
        await RepeatsSearchedAsync(client);

        var items = await WorkspacePullAsync(client);
        // other.md (a day later) repeats both the history incident and now.md, whose own LT030 is disabled.
        var other = Assert.Single(items, i => ((string)i!["uri"]!).EndsWith("other.md", StringComparison.Ordinal))!["items"]!.AsArray();
        var expected = string.Join(" ", new[] { new Uri(PastPath).AbsoluteUri, NowUri }.Order(StringComparer.Ordinal));
        var actual = string.Join(" ", other.Where(d => (string?)d!["code"] == "LT030").Select(d => (string)d!["relatedInformation"]![0]!["location"]!["uri"]!).Order(StringComparer.Ordinal));
        Assert.True(expected == actual, $"expected {expected}, got {actual}; items {other.ToJsonString()}; log:\n{client.LogText}");
        Assert.Null(Repeat(Assert.Single(items, i => (string)i!["uri"]! == NowUri)!["items"]!.AsArray()));
    }
}
