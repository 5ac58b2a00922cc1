using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LspTriage.Tests.Shared;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking OpenAI chat completions (plain JSON and SSE streaming) and embeddings
/// (<see cref="Embeddings"/>: a vector per input, as floats or base64 as the request asks). Each request is
/// answered by the next scripted reply (the last reply repeats), or by a responder that reads the request body, for
/// concurrent callers whose order is not known. Records request bodies and headers.
/// </summary>
internal sealed class FakeOpenAiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<Reply> _script;
    private readonly Func<string, Reply>? _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _served;

    public FakeOpenAiServer(Func<string, Reply> respond)
        : this([])
    {
        _respond = respond;
    }

    public FakeOpenAiServer(params Reply[] script)
    {
        _script = [.. script];
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    public List<string> Bodies { get; } = [];

    public List<string?> Authorizations { get; } = [];

    public List<string> Paths { get; } = [];

    public int RequestCount { get { lock (Bodies) { return Bodies.Count; } } }

    public abstract record Reply;

    public sealed record Json(string Content, int PromptTokens = 1739, int CompletionTokens = 1480, int DelayMs = 0, string FinishReason = "stop") : Reply;

    public sealed record Sse(string Content, int PromptTokens = 1739, int CompletionTokens = 1480, int Chunks = 12, bool Truncate = false, int DelayMs = 0) : Reply;

    public sealed record Status(int Code, string? RetryAfter = null) : Reply;

    /// <summary>A <c>/v1/embeddings</c> answer: <paramref name="VectorOf"/> gives each input's vector.</summary>
    public sealed record Embeddings(Func<string, float[]> VectorOf, int DelayMs = 0) : Reply;

    /// <summary>Any body with status 200 (garbage answers).</summary>
    public sealed record Raw(string Body, string ContentType = "application/json") : Reply;

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        try
        {
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            Reply reply;
            lock (Bodies)
            {
                Bodies.Add(body);
                Authorizations.Add(ctx.Request.Headers["Authorization"]);
                Paths.Add(ctx.Request.Url!.AbsolutePath);
                reply = _respond?.Invoke(body) ?? _script[Math.Min(_served++, _script.Count - 1)];
            }
            switch (reply)
            {
                case Status s:
                    ctx.Response.StatusCode = s.Code;
                    if (s.RetryAfter is not null)
                    {
                        ctx.Response.AddHeader("Retry-After", s.RetryAfter);
                    }
                    await WriteAsync(ctx, "application/json", "{\"error\":{\"message\":\"scripted " + s.Code + "\",\"type\":\"server_error\"}}").ConfigureAwait(false);
                    ctx.Response.Close();
                    break;
                case Json j:
                    await Task.Delay(j.DelayMs, _stop.Token).ConfigureAwait(false);
                    var json = JsonSerializer.Serialize(new
                    {
                        id = "chatcmpl-test",
                        @object = "chat.completion",
                        created = 1780000000,
                        model = "deepseek-chat",
                        choices = new[] { new { index = 0, message = new { role = "assistant", content = j.Content }, finish_reason = j.FinishReason } },
                        usage = new { prompt_tokens = j.PromptTokens, completion_tokens = j.CompletionTokens, total_tokens = j.PromptTokens + j.CompletionTokens },
                    });
                    await WriteAsync(ctx, "application/json", json).ConfigureAwait(false);
                    ctx.Response.Close();
                    break;
                case Embeddings e:
                    await Task.Delay(e.DelayMs, _stop.Token).ConfigureAwait(false);
                    await WriteAsync(ctx, "application/json", EmbeddingsAnswer(body, e.VectorOf)).ConfigureAwait(false);
                    ctx.Response.Close();
                    break;
                case Raw r:
                    await WriteAsync(ctx, r.ContentType, r.Body).ConfigureAwait(false);
                    ctx.Response.Close();
                    break;
                case Sse st:
                    await Task.Delay(st.DelayMs, _stop.Token).ConfigureAwait(false);
                    ctx.Response.ContentType = "text/event-stream";
                    ctx.Response.SendChunked = true;
                    var output = ctx.Response.OutputStream;
                    var size = Math.Max(1, (st.Content.Length + st.Chunks - 1) / st.Chunks);
                    var pieces = Enumerable.Range(0, (st.Content.Length + size - 1) / size).Select(i => st.Content.Substring(i * size, Math.Min(size, st.Content.Length - i * size))).ToList();
                    var limit = st.Truncate ? pieces.Count / 2 : pieces.Count;
                    for (var i = 0; i < limit; i++)
                    {
                        var chunk = JsonSerializer.Serialize(new
                        {
                            id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1780000000, model = "deepseek-chat",
                            choices = new[] { new { index = 0, delta = new { role = "assistant", content = pieces[i] }, finish_reason = (string?)null } },
                        });
                        await SendAsync(output, "data: " + chunk + "\n\n").ConfigureAwait(false);
                    }
                    if (st.Truncate)
                    {
                        ctx.Response.Abort();
                        return;
                    }
                    var stop = """{"id":"chatcmpl-test","object":"chat.completion.chunk","created":1780000000,"model":"deepseek-chat","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""";
                    await SendAsync(output, "data: " + stop + "\n\n").ConfigureAwait(false);
                    var usage = JsonSerializer.Serialize(new
                    {
                        id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1780000000, model = "deepseek-chat",
                        choices = Array.Empty<object>(),
                        usage = new { prompt_tokens = st.PromptTokens, completion_tokens = st.CompletionTokens, total_tokens = st.PromptTokens + st.CompletionTokens },
                    });
                    await SendAsync(output, "data: " + usage + "\n\n").ConfigureAwait(false);
                    await SendAsync(output, "data: [DONE]\n\n").ConfigureAwait(false);
                    ctx.Response.Close();
                    break;
            }
        }
        catch (Exception)
        {
            // Client went away (timeout or cancellation tests): nothing to do.
            try
            {
                ctx.Response.Abort();
            }
            catch (Exception)
            {
            }
        }
    }

    /// <summary>The inputs of an embeddings request (a string or an array of strings).</summary>
    public static IReadOnlyList<string> EmbeddingInputs(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var input = doc.RootElement.GetProperty("input");
        return input.ValueKind == JsonValueKind.Array ? [.. input.EnumerateArray().Select(x => x.GetString() ?? "")] : [input.GetString() ?? ""];
    }

    private static string EmbeddingsAnswer(string body, Func<string, float[]> vectorOf)
    {
        using var doc = JsonDocument.Parse(body);
        var base64 = doc.RootElement.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
        var data = EmbeddingInputs(body).Select((text, i) =>
        {
            var v = vectorOf(text);
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan())) : v;
            return new { @object = "embedding", index = i, embedding };
        });
        return JsonSerializer.Serialize(new
        {
            @object = "list",
            data,
            model = doc.RootElement.TryGetProperty("model", out var m) ? m.GetString() : "test",
            usage = new { prompt_tokens = 8, total_tokens = 8 },
        });
    }

    private static async Task WriteAsync(HttpListenerContext ctx, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength64 = bytes.Length;
        await ctx.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static async Task SendAsync(System.IO.Stream output, string text)
    {
        await output.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }
}
