using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>A typo in <c>lspTriage.similarity.connectionString</c>: one clear message, the embedded index serves, fixing it recovers.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ConnectionStringTests(PostgresFixture pg) : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static JsonObject Similarity(string connectionString) => new()
    {
        ["similarity"] = new JsonObject { ["store"] = "postgres", ["connectionString"] = connectionString },
    };

    [Fact]
    public async Task A_misspelt_keyword_is_named_once_the_embedded_index_serves_and_fixing_it_recovers()
    {
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
        {
            _root.Write("incidents/" + Path.GetFileName(sample), File.ReadAllText(sample));
        }
        var typo = Regex.Replace(pg.ConnectionString, "Port=", "Prot=", RegexOptions.IgnoreCase);
        if (typo == pg.ConnectionString)
        {
            typo += ";Prot=5432";
        }
        await using var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path, beforeInitialize: c => c.Settings = Similarity(typo));

        var shown = await client.WaitForNotificationAsync("window/showMessage", n => ((string?)n["params"]!["message"])!.Contains("lspTriage.similarity.connectionString", StringComparison.Ordinal));
        Assert.Contains("prot", (string)shown["params"]!["message"]!, StringComparison.OrdinalIgnoreCase);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed", StringComparison.Ordinal));
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal));
        var symbols = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray();
        Assert.NotEmpty(symbols);
        var uri = new Uri(Path.Combine(_root.Path, "incidents/new.md")).AbsoluteUri;
        await client.OpenAsync(uri, "# Payment service connection pool exhaustion after a batch job deploy\n\n## Summary\nThe Postgres connection pool was exhausted.\n");
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = new JsonObject { ["line"] = 0, ["character"] = 3 } });
        Assert.Null(hover["error"]);
        Assert.Contains("Payment service connection pool exhaustion after batch job deploy", (string)hover["result"]!["contents"]!["value"]!);
        var lenses = await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Assert.Null(lenses["error"]);

        client.Settings = Similarity(pg.ConnectionString);
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? store = null;
        while (store != "postgres" && DateTime.UtcNow < deadline)
        {
            var reindexed = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.reindex" });
            store = (string?)reindexed["result"]?["store"];
        }
        Assert.Equal("postgres", store);
        Assert.Single(client.Notifications("window/showMessage"), n => ((string?)n["params"]!["message"])!.Contains("connectionString", StringComparison.Ordinal));
    }
}
