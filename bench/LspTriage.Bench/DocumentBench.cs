using System.Diagnostics;
using System.Text.Json;
using LspTriage.Server.Hosting;
using Nerdbank.Streams;

namespace LspTriage.Bench;

/// <summary>
/// Latencies on the generated postmortem through the protocol: didOpen → publishDiagnostics, documentSymbol and
/// foldingRange, against a spawned Release server (what an editor gets, the 150 ms diagnostics debounce included)
/// and in-process over a FullDuplexStream with no debounce (the server's own cost, no process boundary).
/// </summary>
internal static class DocumentBench
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task RunSpawnedAsync(BenchOptions options, string text)
    {
        Console.WriteLine($"== spawned server ({options.Server}), default 150 ms diagnostics debounce, {options.Runs} runs");
        await using var server = SpawnedServer.Start(options.Server);
        await MeasureAsync(server.Client, text, options.Runs).ConfigureAwait(false);
        Console.WriteLine($"   peak RSS of the server process: {server.PeakRssMiB():F0} MiB");
        Console.WriteLine($"   exit code after shutdown/exit: {await server.StopAsync().ConfigureAwait(false)}");
    }

    public static async Task RunInProcessAsync(BenchOptions options, string text)
    {
        Console.WriteLine($"== in-process server over FullDuplexStream, diagnostics debounce 0, {options.Runs} runs");
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        await using var server = new LanguageServer(serverStream, serverStream, new LanguageServerOptions { DiagnosticsDelay = TimeSpan.Zero });
        var serving = server.RunAsync();
        await using (var client = new LspClient(clientStream, clientStream))
        {
            await MeasureAsync(client, text, options.Runs).ConfigureAwait(false);
            await client.ShutdownAsync().ConfigureAwait(false);
        }
        Console.WriteLine($"   exit code after shutdown/exit: {await serving.WaitAsync(Timeout).ConfigureAwait(false)}");
    }

    private static async Task MeasureAsync(LspClient client, string text, int runs)
    {
        var root = Path.Combine(Path.GetTempPath(), $"lsptriage-bench-{Environment.ProcessId}");
        var rootUri = new Uri(root + "/").AbsoluteUri;
        var uri = new Uri(Path.Combine(root, "postmortems", "generated.md")).AbsoluteUri;
        await client.InitializeAsync(rootUri).ConfigureAwait(false);
        await Task.Delay(300).ConfigureAwait(false); // start-up work (settings, workspace scan) out of the way
        var doc = new { textDocument = new { uri } };

        var diagnostics = new List<double>();
        var symbolsCold = new List<double>();
        var symbolsWarm = new List<double>();
        var folding = new List<double>();
        int symbolCount = 0, foldingCount = 0, payload = 0;
        // One warm-up round (JIT), then the timed ones; a fresh version each round, so nothing is cached across them.
        for (var i = 0; i <= runs; i++)
        {
            var version = 2 * i + 1;
            var published = client.ExpectDiagnostics(uri, version);
            var started = Stopwatch.GetTimestamp();
            await client.OpenAsync(uri, version, text).ConfigureAwait(false);
            var arrived = await published.WaitAsync(Timeout).ConfigureAwait(false);
            var diagnosticsMs = Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            var symbols = await client.RequestAsync("textDocument/documentSymbol", doc).ConfigureAwait(false);
            var warmMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            var folds = await client.RequestAsync("textDocument/foldingRange", doc).ConfigureAwait(false);
            var foldingMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await client.CloseAsync(uri).ConfigureAwait(false);

            // documentSymbol as the first request on a new version: it waits for the parse.
            version++;
            published = client.ExpectDiagnostics(uri, version);
            await client.OpenAsync(uri, version, text).ConfigureAwait(false);
            started = Stopwatch.GetTimestamp();
            await client.RequestAsync("textDocument/documentSymbol", doc).ConfigureAwait(false);
            var coldMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await published.WaitAsync(Timeout).ConfigureAwait(false);
            await client.CloseAsync(uri).ConfigureAwait(false);

            if (i == 0)
            {
                symbolCount = Count(symbols);
                foldingCount = folds.GetArrayLength();
                payload = symbols.GetRawText().Length;
                continue;
            }
            diagnostics.Add(diagnosticsMs);
            symbolsWarm.Add(warmMs);
            folding.Add(foldingMs);
            symbolsCold.Add(coldMs);
        }
        Console.WriteLine($"   didOpen → publishDiagnostics:            {Stats.Of(diagnostics)}");
        Console.WriteLine($"   documentSymbol, first after didOpen:     {Stats.Of(symbolsCold)}");
        Console.WriteLine($"   documentSymbol, parsed version:          {Stats.Of(symbolsWarm)}  ({symbolCount} symbols, {payload / 1024.0:F0} KiB of JSON)");
        Console.WriteLine($"   foldingRange, parsed version:            {Stats.Of(folding)}  ({foldingCount} ranges)");
    }

    private static int Count(JsonElement symbols) =>
        symbols.EnumerateArray().Sum(s => 1 + (s.TryGetProperty("children", out var c) ? Count(c) : 0));
}
