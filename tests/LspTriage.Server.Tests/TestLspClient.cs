using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LspTriage.Server.Hosting;
using Nerdbank.Streams;

namespace LspTriage.Server.Tests;

/// <summary>
/// A small LSP client that speaks the wire format itself (Content-Length frames of JSON) over an in-process
/// <see cref="FullDuplexStream"/> pair, so tests can also send malformed frames and see every message the server sends.
/// It answers the server's own requests (configuration, registration, progress) like a real editor would.
/// </summary>
internal sealed class TestLspClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _notifications = [];
    private readonly List<JsonObject> _responses = [];
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;

    private TestLspClient(Stream stream, Task<int> server)
    {
        _stream = stream;
        ServerTask = server;
        _ = ReadLoopAsync();
    }

    public Task<int> ServerTask { get; }

    /// <summary>What the client answers to workspace/configuration for section lspTriage.</summary>
    public JsonNode? Settings { get; set; } = new JsonObject();

    public List<JsonObject> ServerRequests { get; } = [];

    /// <summary>When set, workspace/configuration is answered only once this completes: a slow editor at start-up.</summary>
    public Task? HoldConfiguration { get; set; }

    /// <summary>Answers server requests other than configuration; null means "answer null" (fine for most).</summary>
    public Func<JsonObject, Task<JsonNode?>>? OnServerRequest { get; set; }

    public static TestLspClient Start(LanguageServerOptions? options = null)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        options ??= new LanguageServerOptions { DiagnosticsDelay = TimeSpan.FromMilliseconds(20) };
        var server = Task.Run(async () =>
        {
            await using var ls = new LanguageServer(serverStream, serverStream, options);
            return await ls.RunAsync();
        });
        return new TestLspClient(clientStream, server);
    }

    public static async Task<TestLspClient> StartInitializedAsync(JsonObject? capabilities = null, JsonObject? initializationOptions = null, string? rootPath = null, Action<TestLspClient>? beforeInitialize = null, TimeProvider? time = null, LanguageServerOptions? options = null)
    {
        var client = Start(options ?? (time is null ? null : new LanguageServerOptions { DiagnosticsDelay = TimeSpan.FromMilliseconds(20), Time = time }));
        beforeInitialize?.Invoke(client);
        var result = await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            ["capabilities"] = capabilities ?? DefaultCapabilities(),
            ["initializationOptions"] = initializationOptions,
        });
        Assert.NotNull(result["result"]);
        await client.NotifyAsync("initialized", new JsonObject());
        return client;
    }

    public static JsonObject DefaultCapabilities() => new()
    {
        ["workspace"] = new JsonObject { ["configuration"] = true, ["applyEdit"] = true, ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        ["window"] = new JsonObject { ["workDoneProgress"] = true },
        ["textDocument"] = new JsonObject { ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true } },
    };

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        await using var registration = cancellationToken.Register(() =>
            _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = id } }));
        return await tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "markdown", ["version"] = version, ["text"] = text },
        });

    public async Task WriteRawFrameAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteFrameAsync(bytes);
    }

    /// <summary>Writes bytes as they are, headers included: for framing the client would not produce itself.</summary>
    public async Task WriteRawBytesAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Every response and error the server sent, whatever its id (also to raw frames and with id null).</summary>
    public IReadOnlyList<JsonObject> Responses
    {
        get
        {
            lock (_gate)
            {
                return _responses.ToArray();
            }
        }
    }

    /// <summary>Waits for the server's answer to a request sent raw, by its id as written on the wire (JSON).</summary>
    public async Task<JsonObject> WaitForResponseAsync(string rawId, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (Responses.FirstOrDefault(r => r["id"]?.ToJsonString() == rawId) is { } match)
            {
                return match;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No response with id {rawId} arrived within {timeoutMs} ms.");
    }

    public IReadOnlyList<JsonObject> Notifications(string method)
    {
        lock (_gate)
        {
            return _notifications.Where(n => (string?)n["method"] == method).ToArray();
        }
    }

    /// <summary>The server's log so far, one message a line: for the message of an assertion that may fail on timing.</summary>
    public string LogText => string.Join("\n", Notifications("window/logMessage").Select(n => (string?)n["params"]!["message"]));

    /// <summary>Waits until a notification matching the predicate has arrived.</summary>
    public async Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool>? predicate = null, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var match = Notifications(method).FirstOrDefault(n => predicate?.Invoke(n) ?? true);
            if (match is not null)
            {
                return match;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No {method} notification arrived within {timeoutMs} ms.");
    }

    /// <summary>How many requests with this method the server has sent so far.</summary>
    public int ServerRequestCount(string method)
    {
        lock (_gate)
        {
            return ServerRequests.Count(r => (string?)r["method"] == method);
        }
    }

    /// <summary>Waits until the server has sent more than <paramref name="count"/> requests with this method.</summary>
    public async Task WaitForServerRequestCountAsync(string method, int count, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (ServerRequestCount(method) <= count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server sent no new {method} request within {timeoutMs} ms.");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the server has sent a request with this method (e.g. workspace/codeLens/refresh).</summary>
    public async Task<JsonObject> WaitForServerRequestAsync(string method, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                if (ServerRequests.FirstOrDefault(r => (string?)r["method"] == method) is { } match)
                {
                    return match;
                }
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"The server sent no {method} request within {timeoutMs} ms.");
    }

    /// <summary>The diagnostics last published for a document at a given version.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, int version)
    {
        var n = await WaitForNotificationAsync("textDocument/publishDiagnostics",
            x => (string?)x["params"]!["uri"] == uri && (int?)x["params"]!["version"] == version);
        return n["params"]!["diagnostics"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _stream.DisposeAsync();
    }

    private async Task SendAsync(JsonObject message) =>
        await WriteFrameAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    private async Task WriteFrameAsync(byte[] body)
    {
        await _writeLock.WaitAsync();
        try
        {
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await _stream.WriteAsync(header);
            await _stream.WriteAsync(body);
            await _stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested && await ReadFrameAsync() is { } message)
            {
                Dispatch(message);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Dispatch(JsonObject message)
    {
        var hasId = message.TryGetPropertyValue("id", out var idNode);
        if (message["method"] is { } methodNode)
        {
            var method = (string)methodNode!;
            if (hasId)
            {
                lock (_gate)
                {
                    ServerRequests.Add(message);
                }
                _ = AnswerAsync(message, method, idNode!.DeepClone());
            }
            else
            {
                lock (_gate)
                {
                    _notifications.Add(message);
                }
            }
            return;
        }
        lock (_gate)
        {
            _responses.Add(message);
        }
        if (idNode is null)
        {
            lock (_gate)
            {
                _notifications.Add(new JsonObject { ["method"] = "(error without id)", ["params"] = message.DeepClone() });
            }
            return;
        }
        if (idNode.GetValueKind() == JsonValueKind.Number && idNode.AsValue().TryGetValue<int>(out var number) && _pending.TryRemove(number, out var tcs))
        {
            tcs.TrySetResult(message);
        }
    }

    private async Task AnswerAsync(JsonObject request, string method, JsonNode id)
    {
        if (method == "workspace/configuration" && HoldConfiguration is { } hold)
        {
            await hold;
        }
        JsonNode? result = method == "workspace/configuration"
            ? new JsonArray(Settings?.DeepClone())
            : OnServerRequest is { } handler ? await handler(request) : null;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
    }

    private async Task<JsonObject?> ReadFrameAsync()
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _stream.ReadAsync(one) == 0)
            {
                return null;
            }
            header.Append((char)one[0]);
        }
        var lengthLine = header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await _stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
