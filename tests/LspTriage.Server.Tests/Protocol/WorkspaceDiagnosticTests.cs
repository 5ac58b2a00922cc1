using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary><c>workspace/diagnostic</c>: every incident file in the workspace, open or not, with result ids.</summary>
public sealed class WorkspaceDiagnosticTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly TempFolder _history = new();

    public void Dispose()
    {
        _root.Dispose();
        _history.Dispose();
    }

    private string Uri(string relative) => new Uri(Path.Combine(_root.Path, relative)).AbsoluteUri;

    private async Task<TestLspClient> StartAsync()
    {
        _root.Write("postmortems/clean.md", RepoPaths.Fixture("postmortem-complete.md"));
        _root.Write("postmortems/problems.md", RepoPaths.Fixture("postmortem-problems.md"));
        _root.Write("postmortems/google.md", RepoPaths.Fixture("templates/google-sre-defects.md"));
        _root.Write("docs/notes.md", "# Notes\n[FILL IN]\n");
        _history.Write("old/2019.md", RepoPaths.Fixture("postmortem-problems.md"));
        var capabilities = TestLspClient.DefaultCapabilities();
        capabilities["textDocument"]!["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
        var client = TestLspClient.Start();
        client.Settings = new JsonObject { ["similarity"] = new JsonObject { ["historyFolders"] = new JsonArray(_history.Path) } };
        var init = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = new Uri(_root.Path).AbsoluteUri, ["capabilities"] = capabilities });
        Assert.True((bool)init["result"]!["capabilities"]!["diagnosticProvider"]!["workspaceDiagnostics"]!);
        await client.NotifyAsync("initialized", new JsonObject());
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        return client;
    }

    private static async Task<JsonArray> PullAsync(TestLspClient client, JsonArray? previous = null) =>
        (await client.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = previous ?? new JsonArray() }))["result"]!["items"]!.AsArray();

    private static JsonArray Previous(JsonArray items) =>
        new([.. items.Select(i => (JsonNode)new JsonObject { ["uri"] = (string)i!["uri"]!, ["value"] = (string)i["resultId"]! })]);

    private static Dictionary<string, (string Kind, int Count)> ByUri(JsonArray items) =>
        items.ToDictionary(i => (string)i!["uri"]!, i => ((string)i!["kind"]!, i["items"]?.AsArray().Count ?? -1));

    [Fact]
    public async Task First_pull_reports_every_incident_file_then_unchanged_then_only_what_changed()
    {
        await using var client = await StartAsync();

        var first = ByUri(await PullAsync(client));
        Assert.Equal(
            new Dictionary<string, (string, int)>
            {
                [Uri("postmortems/clean.md")] = ("full", 0),
                [Uri("postmortems/problems.md")] = ("full", 16),
                [Uri("postmortems/google.md")] = ("full", 3),
            },
            first);

        var firstItems = await PullAsync(client);
        var second = await PullAsync(client, Previous(firstItems));
        Assert.All(second, i => Assert.Equal("unchanged", (string)i!["kind"]!));
        Assert.Equal(3, second.Count);

        // Fixed on disk, outside the editor: only that file is reported again.
        _root.Write("postmortems/google.md", RepoPaths.Fixture("templates/google-sre.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri("postmortems/google.md"), ["type"] = 2 }) });
        var third = ByUri(await PullAsync(client, Previous(second)));
        Assert.Equal(("full", 0), third[Uri("postmortems/google.md")]);
        Assert.Equal(("unchanged", -1), third[Uri("postmortems/problems.md")]);
    }

    [Fact]
    public async Task Open_documents_are_reported_at_their_version_and_deleted_files_are_cleared()
    {
        await using var client = await StartAsync();
        var baseline = await PullAsync(client);

        await client.OpenAsync(Uri("postmortems/clean.md"), RepoPaths.Fixture("postmortem-complete.md").Replace("## Detection", "## Detected by", StringComparison.Ordinal), version: 5);
        File.Delete(Path.Combine(_root.Path, "postmortems", "problems.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri("postmortems/problems.md"), ["type"] = 3 }) });
        var items = await PullAsync(client, Previous(baseline));

        var open = items.Single(i => (string)i!["uri"]! == Uri("postmortems/clean.md"))!;
        Assert.Equal(5, (int)open["version"]!);
        Assert.Equal("LT002", (string)open["items"]![0]!["code"]!);
        Assert.Equal(("full", 0), ByUri(items)[Uri("postmortems/problems.md")]);

        var textDocument = (await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri("postmortems/clean.md") } }))["result"]!;
        Assert.Equal((string)open["resultId"]!, (string)textDocument["resultId"]!);
    }
}
