using System.Text.Json.Nodes;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// Params of the right shape with the wrong contents: -32602 with a message for requests, a logged warning for
/// notifications, never an internal error or a stack trace.
/// </summary>
public sealed class InvalidParamsTests
{
    private const string Uri = "file:///w/incidents/params.md";
    private const string Text = "# Payment pool exhaustion\n\n## Summary\n[FILL IN]\n\n## Raw incident context\nactive_connections: 500 / 500\n";

    private static async Task<TestLspClient> StartAsync()
    {
        var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(Uri, Text);
        await client.DiagnosticsAsync(Uri, 1);
        return client;
    }

    private static JsonObject Position(JsonNode? line, JsonNode? character) => new() { ["line"] = line, ["character"] = character };

    public static TheoryData<string, string> BadRequests => new()
    {
        { "workspace/executeCommand", """{"command":"lspTriage.analyze","arguments":[{"uri":5}]}""" },
        { "workspace/executeCommand", """{"command":"lspTriage.findSimilar","arguments":[{"uri":"\ud800"}]}""" },
        { "workspace/executeCommand", """{"command":"lspTriage.insertSimilar","arguments":["\udfff\ud800"]}""" },
        { "workspace/executeCommand", """{"command":null}""" },
        { "workspace/executeCommand", """{"command":"lspTriage.analyze","arguments":{"uri":"x"}}""" },
        { "textDocument/codeAction", $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"range":{"start":null,"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}""" },
        { "textDocument/codeAction", $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"range":null,"context":{"diagnostics":[]}}""" },
        { "textDocument/codeAction", $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"range":{"start":{"line":"zero","character":0},"end":{"line":0,"character":0} } }""" },
        { "textDocument/hover", $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"position":null}""" },
        { "textDocument/hover", $$$"""{"textDocument":{"uri":"{{{Uri}}}"}}""" },
        { "textDocument/hover", $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"position":{"line":-1,"character":-5}}""" },
        { "textDocument/documentSymbol", """{"textDocument":{"uri":null}}""" },
        { "textDocument/documentSymbol", """{"textDocument":null}""" },
        { "textDocument/codeLens", """{"textDocument":{"uri":["a"]}}""" },
        { "workspace/symbol", """{"query":null}""" },
        { "workspace/symbol", """{"query":{"a":1}}""" },
        { "textDocument/diagnostic", """{"textDocument":{}}""" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_request_params_are_invalid_params_not_internal_errors(string method, string parameters)
    {
        await using var client = await StartAsync();
        // Written raw: some of these (lone surrogates) cannot round-trip through a JSON library.
        await client.WriteRawFrameAsync($$"""{"jsonrpc":"2.0","id":"bad","method":"{{method}}","params":{{parameters}}}""");
        var response = await client.WaitForResponseAsync("\"bad\"");

        Assert.True(response["error"] is not null, $"{method} {parameters} answered {response.ToJsonString()}");
        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.DoesNotContain("   at ", response.ToJsonString(), StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.DoesNotContain(client.Notifications("window/logMessage"), n => ((string?)n["params"]!["message"])!.Contains("   at ", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadNotifications => new()
    {
        { "workspace/didChangeWatchedFiles", """{"changes":null}""" },
        { "workspace/didChangeWatchedFiles", """{}""" },
        { "workspace/didChangeWatchedFiles", """{"changes":[null,{"uri":null,"type":1}]}""" },
        { "workspace/didChangeWorkspaceFolders", """{"event":null}""" },
        { "workspace/didChangeWorkspaceFolders", """{"event":{"added":null,"removed":[null]}}""" },
        { "textDocument/didChange", $$$"""{"textDocument":{"uri":"{{{Uri}}}","version":2},"contentChanges":[null]}""" },
        { "textDocument/didChange", $$$"""{"textDocument":{"uri":"{{{Uri}}}","version":2},"contentChanges":[{"range":{"start":null,"end":null},"text":"x"}]}""" },
        { "textDocument/didChange", $$$"""{"textDocument":{"uri":"{{{Uri}}}","version":2},"contentChanges":[{"range":{"start":{"line":99,"character":0},"end":{"line":0,"character":0}},"text":"x"}]}""" },
        { "textDocument/didOpen", """{"textDocument":null}""" },
        { "textDocument/didClose", """{"textDocument":{"uri":5}}""" },
        { "window/workDoneProgress/cancel", """{"token":null}""" },
        { "$/setTrace", """{"value":null}""" },
        { "workspace/didChangeConfiguration", """{"settings":{"lspTriage":{"files":{"incidentGlobs":[null,5,"**/incidents/*.md"]},"similarity":null,"analysis":7}}}""" },
    };

    [Theory]
    [MemberData(nameof(BadNotifications))]
    public async Task Bad_notification_params_never_throw_and_the_document_is_kept(string method, string parameters)
    {
        await using var client = await StartAsync();
        await client.WriteRawFrameAsync($$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{parameters}}}""");

        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        Assert.Equal("Payment pool exhaustion", (string?)symbols["result"]![0]!["name"]);
        Assert.False(client.ServerTask.IsCompleted);
        Assert.DoesNotContain(client.Notifications("window/logMessage"), n =>
            ((string?)n["params"]!["message"])!.Contains("Exception", StringComparison.Ordinal));
    }
}
