using System.Text.Json.Nodes;

namespace LspTriage.Server.Tests.Protocol;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Requests_before_initialize_get_server_not_initialized()
    {
        await using var client = TestLspClient.Start();
        var response = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///w/incidents/a.md" } });
        Assert.Equal(-32002, (int)response["error"]!["code"]!);
    }

    [Fact]
    public async Task Initialize_announces_utf16_incremental_sync_and_the_features()
    {
        await using var client = TestLspClient.Start();
        var response = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        var caps = response["result"]!["capabilities"]!;

        Assert.Equal("utf-16", (string?)caps["positionEncoding"]);
        Assert.Equal(2, (int)caps["textDocumentSync"]!["change"]!);
        Assert.True((bool)caps["documentSymbolProvider"]!);
        Assert.True((bool)caps["foldingRangeProvider"]!);
        Assert.True((bool)caps["workspaceSymbolProvider"]!);
        Assert.Null(caps["diagnosticProvider"]);
        Assert.Equal("lsptriage", (string?)response["result"]!["serverInfo"]!["name"]);
    }

    [Fact]
    public async Task Pull_diagnostics_are_announced_only_to_clients_that_pull()
    {
        await using var client = TestLspClient.Start();
        var caps = TestLspClient.DefaultCapabilities();
        caps["textDocument"]!["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
        var response = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = caps });
        Assert.Equal("lsptriage", (string?)response["result"]!["capabilities"]!["diagnosticProvider"]!["identifier"]);
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_with_code_0()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.True(shutdown.ContainsKey("result"));
        Assert.Null(shutdown["result"]);

        var afterShutdown = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///w/incidents/a.md" } });
        Assert.Equal(-32600, (int)afterShutdown["error"]!["code"]!);

        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_second_initialize_is_refused()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var again = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        Assert.NotNull(again["error"]);
    }

    [Fact]
    public async Task Settings_are_pulled_and_the_watcher_registered_after_initialized()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("incident files indexed"));
        await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal));

        var methods = client.ServerRequests.Select(r => (string?)r["method"]).ToArray();
        Assert.Contains("workspace/configuration", methods);
        Assert.Contains("client/registerCapability", methods);
        Assert.Contains("window/workDoneProgress/create", methods);
        string[] progress = [];
        for (var waited = 0; waited < 5000 && progress.Count(k => k == "end") < 2; waited += 20)
        {
            await Task.Delay(20);
            progress = client.Notifications("$/progress").Select(n => (string)n["params"]!["value"]!["kind"]!).ToArray();
        }
        // One progress for the workspace scan, one for the similar-incidents index: each begins and ends.
        Assert.Equal(2, progress.Count(k => k == "begin"));
        Assert.Equal(2, progress.Count(k => k == "end"));
    }
}
