using System.Text.Json.Nodes;
using LspTriage.Tests.Shared;

namespace LspTriage.Server.Tests.Protocol;

/// <summary><c>lspTriage.similarity.embeddings.*</c> that cannot work: one clear message, never a crash, and hovers
/// rank as without vectors.</summary>
public sealed class EmbeddingsSettingsTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static JsonObject Embeddings(JsonObject embeddings) => new()
    {
        ["similarity"] = new JsonObject { ["embeddings"] = embeddings },
    };

    private async Task<TestLspClient> StartAsync(JsonObject settings)
    {
        foreach (var sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
        {
            _root.Write("incidents/" + Path.GetFileName(sample), File.ReadAllText(sample));
        }
        var client = await TestLspClient.StartInitializedAsync(rootPath: _root.Path, beforeInitialize: c => c.Settings = settings);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal) && ((string?)n["params"]!["message"])!.Contains("indexed", StringComparison.Ordinal));
        return client;
    }

    private static async Task<string> HoverTitleAsync(TestLspClient client, string uri)
    {
        await client.OpenAsync(uri, "# Payment service connection pool exhaustion after a batch job deploy\n\n## Summary\nThe Postgres connection pool was exhausted.\n");
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = new JsonObject { ["line"] = 0, ["character"] = 3 } });
        Assert.Null(hover["error"]);
        return (string)hover["result"]!["contents"]!["value"]!;
    }

    [Fact]
    public async Task A_missing_model_folder_is_named_once_and_hovers_still_answer()
    {
        var missing = Path.Combine(_root.Path, "no-such-model");
        await using var client = await StartAsync(Embeddings(new JsonObject { ["provider"] = "onnx", ["modelPath"] = missing }));

        var shown = await client.WaitForNotificationAsync("window/showMessage", n => ((string?)n["params"]!["message"])!.Contains("Semantic vectors are off", StringComparison.Ordinal));
        Assert.Contains("does not exist", (string)shown["params"]!["message"]!);
        var card = await HoverTitleAsync(client, new Uri(Path.Combine(_root.Path, "incidents/new.md")).AbsoluteUri);
        Assert.Contains("Payment service connection pool exhaustion after batch job deploy", card);
        Assert.DoesNotContain("similar meaning", card);
        Assert.Single(client.Notifications("window/showMessage"), n => ((string?)n["params"]!["message"])!.Contains("Semantic vectors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_endpoint_is_asked_once_named_once_and_hovers_rank_without_vectors()
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Status(500));
        await using var client = await StartAsync(Embeddings(new JsonObject { ["provider"] = "openai", ["baseUrl"] = server.BaseUrl, ["model"] = "bge-m3" }));

        var shown = await client.WaitForNotificationAsync("window/showMessage", n => ((string?)n["params"]!["message"])!.Contains("Semantic vectors are off", StringComparison.Ordinal));
        Assert.Contains("HTTP 500", (string)shown["params"]!["message"]!);
        var card = await HoverTitleAsync(client, new Uri(Path.Combine(_root.Path, "incidents/new.md")).AbsoluteUri);
        Assert.Contains("Payment service connection pool exhaustion after batch job deploy", card);
        Assert.Equal(1, server.RequestCount);
        Assert.Single(client.Notifications("window/showMessage"), n => ((string?)n["params"]!["message"])!.Contains("Semantic vectors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_provider_is_named()
    {
        await using var client = await StartAsync(Embeddings(new JsonObject { ["provider"] = "word2vec" }));
        var shown = await client.WaitForNotificationAsync("window/showMessage", n => ((string?)n["params"]!["message"])!.Contains("embeddings.provider", StringComparison.Ordinal));
        Assert.Contains("'word2vec'", (string)shown["params"]!["message"]!);
    }
}
