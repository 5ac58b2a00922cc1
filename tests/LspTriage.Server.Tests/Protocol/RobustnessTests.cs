using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;

namespace LspTriage.Server.Tests.Protocol;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2")]
    [InlineData("\"just a string")]
    public async Task A_malformed_frame_gets_a_parse_error_and_the_server_stays_up(string body)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WriteRawFrameAsync(body);

        var error = await client.WaitForNotificationAsync("(error without id)");
        Assert.Equal(-32700, (int)error["params"]!["error"]!["code"]!);
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.NotNull(symbols["result"]);
        var log = await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("malformed"));
        Assert.Equal(1, (int)log["params"]!["type"]!);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":70,\"method\":42}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":71,\"method\":\"workspace/symbol\",\"params\":\"x\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":9999,\"result\":{}}")]
    public async Task Well_formed_frames_the_server_cannot_use_are_dropped_and_the_server_stays_up(string body)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WriteRawFrameAsync(body);

        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Ignored a malformed message", StringComparison.Ordinal));
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.NotNull(symbols["result"]);
    }

    [Fact]
    public async Task Missing_or_mistyped_params_are_invalid_params_without_internals()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var missing = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject() });
        var mistyped = await client.RequestAsync("workspace/symbol", new JsonArray(1));

        foreach (var response in new[] { missing, mistyped })
        {
            Assert.Equal(-32602, (int)response["error"]!["code"]!);
            Assert.DoesNotContain("   at ", response.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("/work/", response.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_methods_get_method_not_found()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var response = await client.RequestAsync("textDocument/noSuchThing", new JsonObject());
        Assert.Equal(-32601, (int)response["error"]!["code"]!);
    }

    [Fact]
    public async Task Binary_content_is_reported_not_fatal()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        const string uri = "file:///w/incidents/blob.md";
        await client.OpenAsync(uri, "PK\u0003\u0004\u0000\u0000binary\u0000");
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        Assert.Equal("LT013", (string?)diagnostics.Single()!["code"]);
    }

    [Fact]
    public async Task A_huge_document_is_served_and_edits_on_it_do_not_lose_text()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        const string uri = "file:///w/postmortems/huge.md";
        var text = new StringBuilder("# Huge\n\n## Timeline\n");
        for (var i = 0; i < 20000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"- {i / 60 % 24:00}:{i % 60:00} entry {i}\n");
        }
        await client.OpenAsync(uri, text.ToString());
        await client.DiagnosticsAsync(uri, 1);
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        var timeline = symbols["result"]![0]!["children"]![0]!["children"]!.AsArray();
        Assert.Equal(201, timeline.Count);
        Assert.Equal("00:00 entry 0", (string?)timeline[0]!["name"]);
        Assert.Equal("… 19800 more entries", (string?)timeline[200]!["name"]);
        Assert.Equal(20002, (int)timeline[200]!["range"]!["end"]!["line"]!);

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 1, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 1, ["character"] = 0 } },
                ["text"] = "Inserted line.\n",
            }),
        });
        await client.DiagnosticsAsync(uri, 2);
        var after = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        var moved = after["result"]![0]!["children"]![0]!["children"]!.AsArray();
        Assert.Equal(20003, (int)moved[200]!["range"]!["end"]!["line"]!);
    }

    [Fact]
    public async Task A_cancelled_request_answers_request_cancelled_and_the_work_stops()
    {
        var command = new WaitUntilCancelledCommand();
        var client = TestLspClient.Start(new LanguageServerOptions { AddFeatures = f => f.Commands.Add(command) });
        await using var _ = client;
        await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        using var cts = new CancellationTokenSource();
        var pending = client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command.Name, ["arguments"] = new JsonArray() }, cts.Token);
        await command.Started.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();

        var response = await pending;
        Assert.Equal(-32800, (int)response["error"]!["code"]!);
        Assert.True(await command.Cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private sealed class WaitUntilCancelledCommand : IServerCommand
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test.wait";

        public Task Started => _started.Task;

        public Task<bool> Cancelled => _cancelled.Task;

        public async Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled.TrySetResult(true);
                throw;
            }
            return null;
        }
    }
}
