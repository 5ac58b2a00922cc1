using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace LspTriage.Bench;

/// <summary>
/// A minimal LSP client over any stream pair (a spawned server's stdio, or one end of an in-process
/// FullDuplexStream): answers what the server asks and timestamps every publishDiagnostics on arrival.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ConcurrentDictionary<(string Uri, int Version), TaskCompletionSource<long>> _published = new();
    private readonly TaskCompletionSource _scanned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _similarIndexed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _repeatsSearched = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LspClient(Stream sending, Stream receiving)
    {
        var formatter = new SystemTextJsonFormatter
        {
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull },
        };
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(sending, receiving, formatter));
        _rpc.AddLocalRpcTarget(new ClientTarget(this), new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        _rpc.StartListening();
    }

    public static object Capabilities(bool pull) => new
    {
        workspace = new { configuration = true, workspaceFolders = true },
        textDocument = new
        {
            synchronization = new { didSave = true },
            publishDiagnostics = new { versionSupport = true },
            documentSymbol = new { hierarchicalDocumentSymbolSupport = true },
            foldingRange = new { lineFoldingOnly = true },
            diagnostic = pull ? new { dynamicRegistration = false } : null,
        },
    };

    public async Task InitializeAsync(string? rootUri, bool pull = false)
    {
        await _rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri,
            workspaceFolders = rootUri is null ? null : new[] { new { uri = rootUri, name = "ws" } },
            capabilities = Capabilities(pull),
        }).ConfigureAwait(false);
        await _rpc.NotifyWithParameterObjectAsync("initialized", new { }).ConfigureAwait(false);
    }

    public Task OpenAsync(string uri, int version, string text) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version, text } });

    public Task CloseAsync(string uri) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didClose", new { textDocument = new { uri } });

    public Task ChangeAsync(string uri, int version, int line, string replacement) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new[] { new { range = new { start = new { line, character = 0 }, end = new { line, character = replacement.Length } }, text = replacement } },
        });

    /// <summary>Completes when the server logs the end of its workspace scan.</summary>
    public Task WorkspaceScanned => _scanned.Task;

    /// <summary>Completes when the server logs that the similar-incidents index is built.</summary>
    public Task SimilarIndexed => _similarIndexed.Task;

    /// <summary>Completes with the server's log line when its first LT030 pass over the workspace files is done.</summary>
    public Task<string> RepeatsSearched => _repeatsSearched.Task;

    public Task<JsonElement> RequestAsync(string method, object parameters) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters);

    /// <summary>Arms a wait for the diagnostics of one version; returns the Stopwatch timestamp of their arrival.</summary>
    public Task<long> ExpectDiagnostics(string uri, int version) =>
        _published.GetOrAdd((uri, version), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async Task ShutdownAsync()
    {
        await _rpc.InvokeAsync<JsonElement?>("shutdown").ConfigureAwait(false);
        await _rpc.NotifyAsync("exit").ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnPublished(JsonElement p)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (p.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number)
        {
            var key = (p.GetProperty("uri").GetString()!, v.GetInt32());
            _published.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(arrived);
        }
    }

    /// <summary>The client side of the protocol: the server's requests and notifications.</summary>
    private sealed class ClientTarget(LspClient owner)
    {
        [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
        public object[] Configuration(JsonElement p) => p.GetProperty("items").EnumerateArray().Select(_ => (object)new { }).ToArray();

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JsonElement p) => null;

        [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
        public object? CreateProgress(JsonElement p) => null;

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonElement p) => owner.OnPublished(p);

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JsonElement p)
        {
            var message = p.TryGetProperty("message", out var m) ? m.GetString() : null;
            if (message?.Contains("incident files indexed", StringComparison.Ordinal) == true)
            {
                owner._scanned.TrySetResult();
            }
            if (message?.StartsWith("Similar incidents:", StringComparison.Ordinal) == true && message.Contains("indexed", StringComparison.Ordinal))
            {
                owner._similarIndexed.TrySetResult();
            }
            if (message?.StartsWith("Repeat incidents:", StringComparison.Ordinal) == true)
            {
                owner._repeatsSearched.TrySetResult(message);
            }
        }

        [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
        public void Progress(JsonElement p)
        {
        }
    }
}
