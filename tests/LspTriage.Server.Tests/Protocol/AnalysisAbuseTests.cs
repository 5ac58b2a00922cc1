using System.Text.Json.Nodes;
using LspTriage.Core.Text;
using LspTriage.Tests.Shared;
using static LspTriage.Tests.Shared.FakeOpenAiServer;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>Analyze incident when the user, the editor or the model endpoint does the unexpected.</summary>
public sealed class AnalysisAbuseTests
{
    private const string Uri = "file:///w/incidents/2026-06-02-payment-pool.md";

    private static string Seed() => File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-06-02-payment-pool.md"));

    private static Task<JsonObject> AnalyzeAsync(TestLspClient client) =>
        client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "lspTriage.analyze", ["arguments"] = new JsonArray(Uri) });

    [Fact]
    public async Task Deleting_the_raw_context_heading_while_the_edit_is_in_flight_is_a_clear_message_and_nothing_is_written()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var buffer = new EditorBuffer(client, Uri, Seed());
        await buffer.OpenAsync();
        await client.DiagnosticsAsync(Uri, 1);
        buffer.BeforeApply = async attempt =>
        {
            if (attempt == 1)
            {
                var line = buffer.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("## Raw incident context", StringComparison.Ordinal));
                await buffer.ReplaceAsync(new TextRange(new Position(line, 0), new Position(line + 1, 0)), "");
                await client.DiagnosticsAsync(Uri, buffer.Version);
            }
        };
        var userText = "";
        var response = await AnalyzeAsync(client);
        userText = buffer.Text;

        Assert.Null(response["error"]);
        Assert.False((bool)response["result"]!["applied"]!);
        Assert.Contains("raw context was removed while the analysis ran", (string)response["result"]!["message"]!);
        Assert.DoesNotContain("lsptriage:begin", userText);
        var shown = await client.WaitForNotificationAsync("window/showMessage");
        Assert.Contains("raw context was removed", (string)shown["params"]!["message"]!);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    public async Task Credentials_in_the_base_url_never_reach_messages_logs_or_the_result(int status)
    {
        const string secret = "SECRETKEY1234567890";
        using var endpoint = new FakeOpenAiServer(new Status(status));
        var baseUrl = endpoint.BaseUrl.Replace("http://", $"http://triage:{secret}@", StringComparison.Ordinal);
        await using var client = await TestLspClient.StartInitializedAsync(beforeInitialize: c => c.Settings = new JsonObject
        {
            ["logLevel"] = "debug",
            ["analysis"] = new JsonObject { ["provider"] = "openai", ["baseUrl"] = baseUrl, ["model"] = "gpt-test", ["timeoutSeconds"] = 5 },
        });
        await client.WaitForServerRequestAsync("workspace/configuration");
        await client.OpenAsync(Uri, Seed());
        await client.DiagnosticsAsync(Uri, 1);

        var response = await AnalyzeAsync(client);

        Assert.False((bool)response["result"]!["applied"]!);
        var shown = await client.WaitForNotificationAsync("window/showMessage");
        Assert.Contains($"127.0.0.1:{endpoint.Port}", (string)shown["params"]!["message"]!);
        var traffic = string.Join("\n", client.Responses.Concat(client.Notifications("window/showMessage")).Concat(client.Notifications("window/logMessage")).Concat(client.Notifications("$/progress")).Select(m => m.ToJsonString()));
        Assert.DoesNotContain(secret, traffic);
        Assert.DoesNotContain("triage:", traffic);
    }
}
