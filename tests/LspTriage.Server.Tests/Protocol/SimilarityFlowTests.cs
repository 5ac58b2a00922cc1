using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>Similar past incidents in the editor: hover card, code lens, commands, and an index that follows the files.</summary>
public sealed class SimilarityFlowTests : IDisposable
{
    private readonly TempFolder _root = new();

    public SimilarityFlowTests()
    {
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
        {
            _root.Write("incidents/" + Path.GetFileName(sample), File.ReadAllText(sample));
        }
    }

    public void Dispose() => _root.Dispose();

    private string PathOf(string relative) => Path.Combine(_root.Path, relative);

    private string UriOf(string relative) => new Uri(PathOf(relative)).AbsoluteUri;

    private async Task<TestLspClient> StartAsync()
    {
        var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal));
        return client;
    }

    /// <summary>A new incident that reads like the payment-pool sample, as an engineer would open it.</summary>
    private static string NewIncident() => """
        ---
        service: payment-svc
        kind: incident
        ---
        # Payment service connection pool exhaustion after a batch job deploy

        ## Summary
        Payment service p99 latency spiked and checkouts failed: the Postgres connection pool was exhausted.

        ## Raw incident context
        active_connections: 500 / 500
        """;

    private static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    [Fact]
    public async Task Hover_on_the_title_shows_the_most_similar_past_incidents()
    {
        await using var client = await StartAsync();
        var uri = UriOf("incidents/new.md");
        await client.OpenAsync(uri, NewIncident());

        var hover = (await client.RequestAsync("textDocument/hover", At(uri, 4, 5)))["result"]!;
        var card = (string)hover["contents"]!["value"]!;

        Assert.Contains("Similar past incidents", card);
        Assert.Matches(@"\d+%", card);
        Assert.Contains("Payment service connection pool exhaustion after batch job deploy", card);
        Assert.Contains("2026-06-02-payment-pool.md", card);
        Assert.Equal(4, (int)hover["range"]!["start"]!["line"]!);

        var elsewhere = await client.RequestAsync("textDocument/hover", At(uri, 11, 3));
        Assert.Null(elsewhere["result"]);
    }

    [Fact]
    public async Task Code_lens_counts_matches_and_the_command_lists_them_without_the_document_itself()
    {
        _root.Write("incidents/new.md", NewIncident());
        await using var client = await StartAsync();
        var uri = UriOf("incidents/new.md");
        await client.OpenAsync(uri, NewIncident());

        var lenses = (await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))["result"]!.AsArray();
        var lens = lenses.Single(l => (string?)l!["command"]!["command"] == "lspTriage.findSimilar")!;
        var title = (string)lens["command"]!["title"]!;

        var items = (await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.findSimilar", ["arguments"] = new JsonArray(uri) }))["result"]!.AsArray();
        Assert.DoesNotContain(items, i => ((string)i!["uri"]!).EndsWith("/new.md", StringComparison.Ordinal));
        Assert.Contains(items, i => ((string)i!["uri"]!).EndsWith("/2026-06-02-payment-pool.md", StringComparison.Ordinal));
        Assert.NotEmpty(items);
        var best = (int)Math.Round((double)items[0]!["similarity"]! * 100, MidpointRounding.AwayFromZero);
        Assert.Equal(items.Count == 1 ? $"1 similar incident ({best}%)" : $"{items.Count} similar incidents (best {best}%)", title);
        Assert.All(items, i => Assert.InRange((double)i!["similarity"]!, 0.3, 1.0));
    }

    [Fact]
    public async Task Created_and_deleted_files_change_what_is_found()
    {
        await using var client = await StartAsync();
        var uri = UriOf("incidents/new.md");
        await client.OpenAsync(uri, NewIncident());
        async Task<string[]> TitlesAsync() =>
            (await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.findSimilar", ["arguments"] = new JsonArray(uri) }))["result"]!
                .AsArray().Select(i => (string)i!["title"]!).ToArray();

        const string twinTitle = "Payment service connection pool exhaustion after batch job deploy, again";
        var twin = _root.Write("incidents/twin.md", $"# {twinTitle}\n\n## Summary\nPayment service p99 latency spiked and checkouts failed: the Postgres connection pool was exhausted.\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(twin).AbsoluteUri, ["type"] = 1 }) });
        Assert.Equal(twinTitle, (await TitlesAsync())[0]);

        File.Delete(twin);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(twin).AbsoluteUri, ["type"] = 3 }) });
        Assert.DoesNotContain(twinTitle, await TitlesAsync());
    }

    [Fact]
    public async Task Insert_similar_past_incidents_writes_the_seed_shaped_section_once()
    {
        await using var client = await StartAsync();
        var uri = UriOf("incidents/new.md");
        var buffer = new EditorBuffer(client, uri, NewIncident());
        await buffer.OpenAsync();

        var range = new JsonObject { ["start"] = new JsonObject { ["line"] = 4, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 4, ["character"] = 0 } };
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["range"] = range, ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() } }))["result"]!.AsArray();
        var insert = actions.Single(a => (string?)a!["title"] == "Insert similar past incidents")!;
        var command = insert["command"]!;
        await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = (string)command["command"]!, ["arguments"] = command["arguments"]!.DeepClone() });
        await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = (string)command["command"]!, ["arguments"] = command["arguments"]!.DeepClone() });

        Assert.StartsWith(NewIncident(), buffer.Text);
        Assert.Equal(1, buffer.Text.Split("<!-- lsptriage:begin similar").Length - 1);
        Assert.Contains("## Similar past incidents", buffer.Text);
        Assert.Contains("combined match (failure, service, identifiers, wording)", buffer.Text);
        Assert.Matches(@"\n- \d+% \[Payment service connection pool exhaustion after batch job deploy\]\(", buffer.Text);
        Assert.Matches(@"\n  .*wording \d+% \(pg_trgm\)\n", buffer.Text);
    }

    [Fact]
    public async Task Each_incident_in_the_inserted_block_is_a_document_link_to_its_file()
    {
        await using var client = await StartAsync();
        var uri = UriOf("incidents/new.md");
        var buffer = new EditorBuffer(client, uri, NewIncident() + "\nSee [the runbook](../runbooks/payments.md).\n");
        await buffer.OpenAsync();
        var before = await client.RequestAsync("textDocument/documentLink", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Assert.Empty(before["result"]!.AsArray()); // the user's own links are the markdown server's business

        await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.insertSimilar", ["arguments"] = new JsonArray(uri) });
        await client.DiagnosticsAsync(uri, buffer.Version);
        var links = (await client.RequestAsync("textDocument/documentLink", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))["result"]!.AsArray();

        Assert.NotEmpty(links);
        var lines = buffer.Text.Split('\n');
        foreach (var link in links)
        {
            var target = new Uri((string)link!["target"]!);
            Assert.True(File.Exists(target.LocalPath), target.LocalPath);
            Assert.StartsWith(PathOf("incidents"), target.LocalPath, StringComparison.Ordinal);
            var range = link["range"]!;
            var line = lines[(int)range["start"]!["line"]!];
            var title = line[(int)range["start"]!["character"]!..(int)range["end"]!["character"]!];
            Assert.Contains($"[{title}](", line, StringComparison.Ordinal);
            Assert.Contains(File.ReadAllText(target.LocalPath).Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim(), title, StringComparison.Ordinal);
        }
    }
}
