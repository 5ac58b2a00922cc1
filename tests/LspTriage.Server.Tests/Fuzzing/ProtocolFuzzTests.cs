using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit.Abstractions;

namespace LspTriage.Server.Tests.Fuzzing;

/// <summary>
/// Random traffic over the real streams. Every request is answered exactly once, with its id and never with an
/// internal error; the server never exits. A short run here (LSPTRIAGE_FUZZ_ITER, default 300 cases per property);
/// scripts/fuzz-long.sh runs the same properties for as long as it is given. LSPTRIAGE_FUZZ_SEED replays a failure.
/// </summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("LSPTRIAGE_FUZZ_ITER"), out var n) ? n : 300;

    private static string? Seed => Environment.GetEnvironmentVariable("LSPTRIAGE_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>Errors a request may get for params it cannot use; -32603 (internal error) is never one of them.</summary>
    private static readonly int[] ClientErrors = [-32600, -32601, -32602, -32002, -32800, -32801, -32803];

    private static async Task<TestLspClient> StartAsync()
    {
        var client = await TestLspClient.StartInitializedAsync();
        await client.OpenAsync(FuzzGen.OpenUri, "# Payment pool exhaustion\n\n## Summary\n[FILL IN]\n\n## Raw incident context\nactive_connections: 500 / 500\n");
        return client;
    }

    [Fact]
    public async Task Every_request_with_any_params_is_answered_once_with_its_id_and_the_server_never_exits()
    {
        await using var client = await StartAsync();
        var next = 0;
        var requests = 0;
        var notifications = 0;

        await FuzzGen.Traffic.SampleAsync(async message =>
        {
            if (!message.IsRequest)
            {
                notifications++;
                await client.WriteRawFrameAsync(message.Frame(null));
                return;
            }
            requests++;
            var id = $"\"fuzz-{Interlocked.Increment(ref next)}\"";
            await client.WriteRawFrameAsync(message.Frame(id));
            var response = await client.WaitForResponseAsync(id, 30000);
            if (response["error"] is { } error)
            {
                var code = (int)error["code"]!;
                Assert.True(ClientErrors.Contains(code), $"{message.Method} answered {code}: {error["message"]}");
                Assert.DoesNotContain("   at ", (string?)error["message"] ?? "", StringComparison.Ordinal);
            }
            Assert.False(client.ServerTask.IsCompleted, "the server exited");
        }, iter: Iterations, threads: 1, seed: Seed, print: m => m.Frame("id")[..Math.Min(400, m.Frame("id").Length)]);

        var sentinel = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.NotNull(sentinel["result"]);
        var duplicates = client.Responses.Where(r => ((string?)r["id"]?.ToJsonString())?.StartsWith("\"fuzz-", StringComparison.Ordinal) == true)
            .GroupBy(r => r["id"]!.ToJsonString()).Where(g => g.Count() != 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
        Assert.Equal(next, client.Responses.Count(r => r["id"]?.ToJsonString().StartsWith("\"fuzz-", StringComparison.Ordinal) == true));
        output.WriteLine($"{requests} requests and {notifications} notifications, each request answered once.");
    }

    [Fact]
    public async Task Any_well_delimited_frame_leaves_the_server_serving()
    {
        await using var client = await StartAsync();
        var frames = 0;
        await Gen.Select(FuzzGen.Header, FuzzGen.Body).SampleAsync(async (header, body) =>
        {
            frames++;
            await client.WriteRawBytesAsync([.. Encoding.ASCII.GetBytes(header(body.Length)), .. body]);
            var sentinel = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
            Assert.True(sentinel["result"] is not null, sentinel.ToJsonString());
            Assert.False(client.ServerTask.IsCompleted, "the server exited");
        }, iter: Iterations, threads: 1, seed: Seed, print: t => Encoding.UTF8.GetString(t.Item2));
        output.WriteLine($"{frames} frames, the server answered after each.");
    }
}
