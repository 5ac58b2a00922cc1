using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

public sealed class WorkspaceTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private async Task<TestLspClient> StartAsync()
    {
        var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        return client;
    }

    private static async Task<string[]> TitlesAsync(TestLspClient client, string query) =>
        (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = query }))["result"]!.AsArray()
            .Select(s => (string)s!["name"]!).ToArray();

    [Fact]
    public async Task Workspace_symbols_find_incidents_by_title_and_follow_file_events()
    {
        _root.Write("incidents/a.md", "# Payment pool exhaustion\n");
        _root.Write("postmortems/b.md", "---\ntitle: ignored when a heading exists\n---\n# DNS outage in eu-west\n");
        _root.Write("notes/c.md", "# Not an incident\n");
        await using var client = await StartAsync();

        Assert.Equal(["DNS outage in eu-west", "Payment pool exhaustion"], await TitlesAsync(client, ""));
        Assert.Equal(["Payment pool exhaustion"], await TitlesAsync(client, "pmtpool"));

        var created = _root.Write("incidents/d.md", "# Disk full on build agents\n");
        File.Delete(Path.Combine(_root.Path, "incidents/a.md"));
        var renamedFrom = Path.Combine(_root.Path, "postmortems/b.md");
        var renamedTo = Path.Combine(_root.Path, "postmortems/b2.md");
        File.Move(renamedFrom, renamedTo);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(
                Event(created, 1),
                Event(Path.Combine(_root.Path, "incidents/a.md"), 3),
                Event(renamedFrom, 3),
                Event(renamedTo, 1)),
        });
        var result = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray();
        Assert.Equal(["Disk full on build agents", "DNS outage in eu-west"], result.Select(s => (string)s!["name"]!));
        Assert.EndsWith("/postmortems/b2.md", (string?)result[1]!["location"]!["uri"]);
        Assert.Equal(3, (int)result[1]!["location"]!["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task Front_matter_title_is_used_when_there_is_no_heading()
    {
        _root.Write("incidents/x.md", "---\ntitle: \"Cache stampede after deploy\"\n---\nBody only.\n");
        await using var client = await StartAsync();
        Assert.Equal(["Cache stampede after deploy"], await TitlesAsync(client, "cache"));
    }

    [Fact]
    public async Task A_file_event_counts_as_history_only_inside_the_history_folder_not_in_a_sibling_that_shares_its_prefix()
    {
        var history = Path.Combine(_root.Path, "history");
        Directory.CreateDirectory(history);
        var capabilities = TestLspClient.DefaultCapabilities();
        capabilities["workspace"]!.AsObject().Remove("configuration");
        var settings = new JsonObject { ["settings"] = new JsonObject { ["similarity"] = new JsonObject { ["historyFolders"] = new JsonArray(history) } } };
        await using var client = await TestLspClient.StartInitializedAsync(capabilities, settings, _root.Path);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));

        var inside = _root.Write("history/2023-db.md", "# Database failover stalled\n");
        var sibling = _root.Write("history2/notes.md", "# Notes beside the history folder\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(Event(inside, 1), Event(sibling, 1)) });

        Assert.Equal(["Database failover stalled"], await TitlesAsync(client, ""));
    }

    private static JsonObject Event(string path, int type) => new() { ["uri"] = new Uri(path).AbsoluteUri, ["type"] = type };
}
