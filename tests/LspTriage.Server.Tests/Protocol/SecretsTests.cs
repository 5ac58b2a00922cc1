using System.Text.Json.Nodes;
using LspTriage.Server.Hosting;
using LspTriage.Tests.Shared;
using static LspTriage.Tests.Shared.FakeOpenAiServer;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// Every secret the server is given — the API key, credentials inside the model URL, the database password — is
/// sought in everything it sends back while things go wrong: responses, notifications, server requests, progress
/// and the document itself.
/// </summary>
public sealed class SecretsTests
{
    private const string Uri = "file:///w/incidents/2026-06-02-payment-pool.md";
    private const string ApiKey = "sk-live-APIKEY-7f3c9a1b2d4e";
    private const string UrlPassword = "URLPASS-55e1c0";
    private const string DbPassword = "DBPASS-a9b8c7";

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    public async Task No_secret_reaches_the_client_or_the_document_when_the_model_and_the_database_fail(int status)
    {
        using var endpoint = new FakeOpenAiServer(new Status(status));
        var client = TestLspClient.Start(new LanguageServerOptions
        {
            DiagnosticsDelay = TimeSpan.FromMilliseconds(20),
            Environment = new Dictionary<string, string?> { ["LSPTRIAGE_LLM_API_KEY"] = ApiKey },
        });
        await using var _ = client;
        client.Settings = new JsonObject
        {
            ["logLevel"] = "debug",
            ["analysis"] = new JsonObject
            {
                ["provider"] = "openai",
                ["baseUrl"] = endpoint.BaseUrl.Replace("http://", $"http://triage:{UrlPassword}@", StringComparison.Ordinal),
                ["model"] = "gpt-test",
                ["timeoutSeconds"] = 5,
            },
            ["similarity"] = new JsonObject
            {
                ["store"] = "postgres",
                ["connectionString"] = $"Host=127.0.0.1;Port=1;Username=triage;Password={DbPassword};Database=incidents;Timeout=1",
            },
        };
        await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = TestLspClient.DefaultCapabilities() });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.WaitForServerRequestAsync("workspace/configuration");
        var buffer = new EditorBuffer(client, Uri, File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-06-02-payment-pool.md")));
        await buffer.OpenAsync();
        await client.DiagnosticsAsync(Uri, 1);

        var doc = new JsonObject { ["uri"] = Uri };
        await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = doc.DeepClone(), ["position"] = new JsonObject { ["line"] = 4, ["character"] = 3 } });
        await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = doc.DeepClone() });
        await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        var analyzed = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.analyze", ["arguments"] = new JsonArray(Uri) });
        await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.findSimilar", ["arguments"] = new JsonArray(Uri) });
        await client.WaitForNotificationAsync("window/showMessage");
        // The database's failure is reported by the replica's background loop whenever its first connection fails,
        // which on a busy machine can come after the model's: wait for it too.
        await client.WaitForNotificationAsync("window/showMessage", m => ((string?)m["params"]?["message"])?.Contains("PostgreSQL at 127.0.0.1:1/incidents is unreachable", StringComparison.Ordinal) == true);

        Assert.False((bool)analyzed["result"]!["applied"]!, analyzed.ToJsonString());
        var traffic = string.Join("\n",
            client.Responses.Concat(client.ServerRequests)
                .Concat(new[] { "window/showMessage", "window/logMessage", "$/progress", "textDocument/publishDiagnostics", "window/workDoneProgress/create" }.SelectMany(client.Notifications))
                .Select(m => m.ToJsonString()))
            + "\n" + buffer.Text;
        // Both failures were reported, so both had the chance to leak.
        Assert.Contains($"127.0.0.1:{endpoint.Port}", traffic, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL at 127.0.0.1:1/incidents is unreachable", traffic, StringComparison.Ordinal);
        foreach (var secret in new[] { ApiKey, UrlPassword, DbPassword, "triage:" })
        {
            Assert.DoesNotContain(secret, traffic, StringComparison.Ordinal);
        }
        // The key did reach the endpoint: the test would pass vacuously if it had never been used.
        Assert.Contains("Bearer " + ApiKey, endpoint.Authorizations);
    }
}
