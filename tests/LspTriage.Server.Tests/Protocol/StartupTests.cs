using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LspTriage.Core.Files;
using LspTriage.Server.Hosting;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// What the editor asks before the server is ready (VS Code asks for code lenses the moment a file opens), and
/// settings that change what the workspace holds.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly TempFolder _root = new();

    public StartupTests()
    {
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
        {
            _root.Write("incidents/" + Path.GetFileName(sample), File.ReadAllText(sample));
        }
    }

    public void Dispose() => _root.Dispose();

    private string UriOf(string relative) => new Uri(Path.Combine(_root.Path, relative)).AbsoluteUri;

    private const string NewIncident = """
        # Payment service connection pool exhaustion after a batch job deploy

        ## Summary
        Payment service p99 latency spiked and checkouts failed: the Postgres connection pool was exhausted.

        ## Raw incident context
        active_connections: 500 / 500
        """;

    /// <summary>Server options whose file reads are counted per path.</summary>
    private static (LanguageServerOptions Options, ConcurrentDictionary<string, int> Reads) CountingReads()
    {
        var reads = new ConcurrentDictionary<string, int>(FilePaths.Comparer);
        var options = new LanguageServerOptions
        {
            DiagnosticsDelay = TimeSpan.FromMilliseconds(20),
            ReadFile = path =>
            {
                reads.AddOrUpdate(path, 1, (_, n) => n + 1);
                return File.ReadAllText(path);
            },
        };
        return (options, reads);
    }

    private static JsonObject Doc(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    private static JsonObject CapabilitiesWithLensRefresh()
    {
        var capabilities = TestLspClient.DefaultCapabilities();
        capabilities["workspace"]!["codeLens"] = new JsonObject { ["refreshSupport"] = true };
        return capabilities;
    }

    [Fact]
    public async Task Lenses_and_hover_asked_before_the_index_is_ready_are_answered_and_the_lenses_refreshed_when_it_is()
    {
        var hold = new TaskCompletionSource();
        await using var client = await TestLspClient.StartInitializedAsync(CapabilitiesWithLensRefresh(), rootPath: _root.Path, beforeInitialize: c => c.HoldConfiguration = hold.Task);
        var uri = UriOf("incidents/new.md");
        await client.OpenAsync(uri, NewIncident);

        var early = await client.RequestAsync("textDocument/codeLens", Doc(uri));
        Assert.True(early["error"] is null, early.ToJsonString());
        var titles = early["result"]!.AsArray().Select(l => (string)l!["command"]!["title"]!).ToArray();
        Assert.Contains("Analyze incident", titles);
        var similar = early["result"]!.AsArray().Single(l => (string?)l!["command"]!["command"] == "lspTriage.findSimilar")!;
        Assert.True(!System.Text.RegularExpressions.Regex.IsMatch((string)similar["command"]!["title"]!, @"\d"), early.ToJsonString());
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = new JsonObject { ["line"] = 0, ["character"] = 3 } });
        Assert.True(((string?)hover["result"]?["contents"]?["value"])?.Contains("loading", StringComparison.OrdinalIgnoreCase) == true, hover.ToJsonString());

        hold.SetResult();
        await client.WaitForServerRequestAsync("workspace/codeLens/refresh");
        var later = await client.RequestAsync("textDocument/codeLens", Doc(uri));
        var ready = later["result"]!.AsArray().Single(l => (string?)l!["command"]!["command"] == "lspTriage.findSimilar")!;
        Assert.Matches(@"^\d+ similar incidents? \(", (string)ready["command"]!["title"]!);
    }

    [Fact]
    public async Task Adding_an_incident_glob_rescans_the_workspace()
    {
        _root.Write("reports/2026/q3-dns.md", "# DNS resolution failures in eu-west\n\n## Summary\nResolvers timed out.\n");
        await using var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal));
        async Task<string[]> TitlesAsync() =>
            (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "dns resolution" }))["result"]!.AsArray().Select(s => (string)s!["name"]!).ToArray();
        Assert.Empty(await TitlesAsync());

        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["lspTriage"] = new JsonObject { ["files"] = new JsonObject { ["incidentGlobs"] = new JsonArray("**/incidents/**/*.md", "**/reports/**/*.md") } } },
        });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await TitlesAsync()).Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(["DNS resolution failures in eu-west"], await TitlesAsync());
        var uri = UriOf("incidents/new.md");
        await client.OpenAsync(uri, "# DNS resolution failures in eu-west again\n\n## Summary\nResolvers timed out.\n");
        var similar = (await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.findSimilar", ["arguments"] = new JsonArray(uri) }))["result"]!.AsArray();
        Assert.Contains(similar, i => ((string)i!["uri"]!).EndsWith("/reports/2026/q3-dns.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_reads_each_incident_file_once_for_the_incident_list_and_the_similarity_index()
    {
        _root.Write("postmortems/2026/pm-dns.md", "# DNS resolution failures in eu-west\n\n## Summary\nResolvers timed out.\n");
        _root.Write("notes/not-an-incident.md", "# Meeting notes\n");
        var (options, reads) = CountingReads();
        await using var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path, options: options);
        var listed = await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        var indexed = await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal));

        var incidents = Directory.GetFiles(_root.Path, "*.md", SearchOption.AllDirectories).Where(f => !f.Contains("notes", StringComparison.Ordinal)).ToArray();
        Assert.True(incidents.Length > 3);
        Assert.Contains($"{incidents.Length} incidents indexed", (string)indexed["params"]!["message"]!);
        Assert.Contains($"{incidents.Length} files read once", (string)listed["params"]!["message"]!);
        Assert.Equal(incidents.Order(StringComparer.Ordinal), reads.Keys.Order(StringComparer.Ordinal));
        Assert.All(reads, r => Assert.True(r.Value == 1, $"{r.Key} was read {r.Value} times"));
        var symbols = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "dns resolution" }))["result"]!.AsArray();
        Assert.Single(symbols);
    }

    [Fact]
    public async Task Client_settings_that_name_other_files_at_start_up_do_not_make_a_second_scan()
    {
        // The settings fetched at start-up differ from the defaults in which files are incidents (a history folder):
        // the one start-up scan reads them, rather than a scan for the defaults followed by a rescan.
        using var history = new TempFolder();
        history.Write("2026/past.md", NewIncident);
        var (options, reads) = CountingReads();
        await using var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path, options: options, beforeInitialize: c =>
            c.Settings = new JsonObject { ["similarity"] = new JsonObject { ["historyFolders"] = new JsonArray(history.Path) } });
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal), timeoutMs: 30_000);
        // A second scan would be queued behind the first: a round trip through the ordered context lets it start.
        await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        await Task.Delay(200);

        var scans = client.Notifications("window/logMessage").Count(n => ((string?)n["params"]!["message"])!.Contains("incident files indexed", StringComparison.Ordinal));
        Assert.True(scans == 1, client.LogText);
        Assert.Contains(Path.Combine(history.Path, "2026", "past.md"), reads.Keys);
        Assert.All(reads, r => Assert.True(r.Value == 1, $"{r.Key} was read {r.Value} times"));
    }
}
