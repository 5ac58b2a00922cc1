using System.Text;
using System.Text.Json.Nodes;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// Frames a hostile or sloppy client sends: the server answers every request it can read the id of with that id,
/// drops what it cannot answer, and keeps serving.
/// </summary>
public sealed class FramingTests
{
    private static async Task AssertStillServingAsync(TestLspClient client)
    {
        var symbols = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.NotNull(symbols["result"]);
        Assert.False(client.ServerTask.IsCompleted, "the server process ended");
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":null}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":5,\"params\":{}}")]
    [InlineData("{\"jsonrpc\":\"2.0\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":\"x\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":7}")]
    public async Task A_notification_without_a_usable_method_or_params_does_not_end_the_server(string body)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WriteRawFrameAsync(body);

        await AssertStillServingAsync(client);
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Ignored a malformed message", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("42", "\"x\"", -32602)]
    [InlineData("43", "5", -32602)]
    [InlineData("44", "true", -32602)]
    [InlineData("\"req-45\"", "\"x\"", -32602)]
    public async Task A_request_with_primitive_params_is_answered_invalid_params_with_its_id(string id, string parameters, int code)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WriteRawFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"workspace/symbol\",\"params\":{parameters}}}");

        var response = await client.WaitForResponseAsync(id);
        Assert.Equal(code, (int)response["error"]!["code"]!);
        await AssertStillServingAsync(client);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":42}", "50")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":51,\"method\":null}", "51")]
    [InlineData("{\"id\":\"s-52\",\"jsonrpc\":\"2.0\",\"method\":{\"a\":1},\"params\":{}}", "\"s-52\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":53}", "53")]
    public async Task A_request_without_a_usable_method_is_an_invalid_request_with_its_id(string body, string id)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WriteRawFrameAsync(body);

        var response = await client.WaitForResponseAsync(id);
        Assert.Equal(-32600, (int)response["error"]!["code"]!);
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task Params_nested_deeper_than_the_parser_allows_are_invalid_params_with_the_id()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var deep = new string('[', 5000) + new string(']', 5000);
        await client.WriteRawFrameAsync($"{{\"jsonrpc\":\"2.0\",\"id\":60,\"method\":\"workspace/symbol\",\"params\":{{\"query\":{deep}}}}}");

        var response = await client.WaitForResponseAsync("60");
        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        await AssertStillServingAsync(client);
    }

    [Theory]
    [InlineData("content-length: {0}\r\n\r\n")]
    [InlineData("CONTENT-LENGTH:{0}\r\n\r\n")]
    [InlineData("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-Length: {0}\r\n\r\n")]
    public async Task Header_names_are_case_insensitive(string header)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"workspace/symbol\",\"params\":{\"query\":\"\"}}");
        await client.WriteRawBytesAsync([.. Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, header, body.Length)), .. body]);

        var response = await client.WaitForResponseAsync("77");
        Assert.NotNull(response["result"]);
        await AssertStillServingAsync(client);
    }
}
