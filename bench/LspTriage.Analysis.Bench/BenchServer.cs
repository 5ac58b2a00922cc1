using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LspTriage.Analysis.Bench;

/// <summary>A minimal OpenAI chat-completions server on 127.0.0.1 that waits a fixed delay, then answers (plain or SSE).</summary>
internal sealed class BenchServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _delayMs;
    private readonly string _answer;

    public BenchServer(int delayMs, string answer)
    {
        _delayMs = delayMs;
        _answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var stream = body.Contains("\"stream\":true", StringComparison.Ordinal);
        await Task.Delay(_delayMs);
        if (!stream)
        {
            var json = JsonSerializer.Serialize(new
            {
                id = "b", @object = "chat.completion", created = 1780000000, model = "deepseek-chat",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = _answer }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1739, completion_tokens = 1480, total_tokens = 3219 },
            });
            var bytes = Encoding.UTF8.GetBytes(json);
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
            return;
        }
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.SendChunked = true;
        // One write for the whole event stream: with one write per event, Nagle and delayed ACKs on the server side
        // add ~40 ms that the client is not responsible for.
        var output = new MemoryStream();
        for (var i = 0; i < _answer.Length; i += 64)
        {
            var chunk = JsonSerializer.Serialize(new
            {
                id = "b", @object = "chat.completion.chunk", created = 1780000000, model = "deepseek-chat",
                choices = new[] { new { index = 0, delta = new { content = _answer.Substring(i, Math.Min(64, _answer.Length - i)) }, finish_reason = (string?)null } },
            });
            await output.WriteAsync(Encoding.UTF8.GetBytes("data: " + chunk + "\n\n"));
        }
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1780000000,\"model\":\"deepseek-chat\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"));
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1780000000,\"model\":\"deepseek-chat\",\"choices\":[],\"usage\":{\"prompt_tokens\":1739,\"completion_tokens\":1480,\"total_tokens\":3219}}\n\n"));
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        await ctx.Response.OutputStream.WriteAsync(output.ToArray());
        ctx.Response.Close();
    }

    public void Dispose() => _listener.Close();
}
