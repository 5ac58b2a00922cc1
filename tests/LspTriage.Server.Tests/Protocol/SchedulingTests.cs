using System.Text.Json.Nodes;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// Notifications apply in order; requests leave the ordered context before doing any work. A request handler that
/// blocks its thread must not hold up the edits that arrive after it.
/// </summary>
public sealed class SchedulingTests
{
    private const string Uri = "file:///w/postmortems/scheduling.md";

    [Fact]
    public async Task A_command_that_blocks_does_not_delay_a_later_didChange_for_a_client_without_progress()
    {
        using var command = new BlockingCommand();
        var client = TestLspClient.Start(new LanguageServerOptions
        {
            DiagnosticsDelay = TimeSpan.FromMilliseconds(20),
            AddFeatures = f => f.Commands.Add(command),
        });
        await using var _ = client;
        // No window.workDoneProgress: nothing in the command's path awaits the client before its work starts.
        await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.OpenAsync(Uri, "# Before\n\n## Summary\nText.\n");

        var blocked = client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command.Name, ["arguments"] = new JsonArray(Uri) });
        await command.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "# After\n\n## Summary\nText.\n" }),
        });

        // The sentinel is answered (with the edited text) while the command still holds its thread.
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } })
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("After", (string?)symbols["result"]![0]!["name"]);
        Assert.False(blocked.IsCompleted);

        command.Release();
        var response = await blocked.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (int)response["result"]!["version"]!);
    }

    [Fact]
    public async Task A_command_reads_the_document_version_of_its_arrival_not_a_later_one()
    {
        using var command = new BlockingCommand(blockBeforeReading: true);
        var client = TestLspClient.Start(new LanguageServerOptions { AddFeatures = f => f.Commands.Add(command) });
        await using var _ = client;
        await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.OpenAsync(Uri, "# One\n");

        var pending = client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command.Name, ["arguments"] = new JsonArray(Uri) });
        await command.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = 7 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "# Seven\n" }),
        });
        // A request after the change is the sentinel that the change has been applied.
        await client.RequestAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        command.Release();

        var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (int)response["result"]!["version"]!);
    }

    /// <summary>Blocks its thread (as CPU-bound analysis would) until released; answers the version it was given.</summary>
    private sealed class BlockingCommand(bool blockBeforeReading = false) : IServerCommand, IDisposable
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();

        public string Name => "test.block";

        public Task Started => _started.Task;

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }

        public Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            if (blockBeforeReading)
            {
                _release.Wait(TimeSpan.FromSeconds(20));
            }
            var document = context.Document();
            if (!blockBeforeReading)
            {
                _release.Wait(TimeSpan.FromSeconds(20));
            }
            return Task.FromResult<object?>(new { version = document.Version });
        }
    }
}
