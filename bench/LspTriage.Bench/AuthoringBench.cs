using System.Diagnostics;
using System.Text.Json;
using LspTriage.Server.Hosting;
using Nerdbank.Streams;

namespace LspTriage.Bench;

/// <summary>
/// Authoring latencies, in-process over a FullDuplexStream (the server's own cost, JSON included): completion on the
/// generated postmortem at four kinds of place, on a parsed version and right after a keystroke (which includes the
/// parse), and <c>workspace/diagnostic</c> over a generated workspace: the first full report and an unchanged re-pull.
/// </summary>
internal static class AuthoringBench
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task RunAsync(BenchOptions options, string text)
    {
        Console.WriteLine($"== authoring (in-process server), {options.Runs} runs");
        // Worst case first: diagnostics parse every version the moment it arrives, competing with completion for the
        // cores (and the GC). Then typing as users get it: the server's default diagnostics delay.
        await CompletionAsync(options, text, TimeSpan.Zero, everyPlace: true).ConfigureAwait(false);
        await CompletionAsync(options, text, new LanguageServerOptions().DiagnosticsDelay, everyPlace: false).ConfigureAwait(false);
        await WorkspaceDiagnosticsAsync(options).ConfigureAwait(false);
    }

    private static async Task CompletionAsync(BenchOptions options, string text, TimeSpan diagnosticsDelay, bool everyPlace)
    {
        var lines = text.Split('\n');
        var root = Path.Combine(Path.GetTempPath(), $"lsptriage-bench-authoring-{Environment.ProcessId}");
        var uri = new Uri(Path.Combine(root, "postmortems", "generated.md")).AbsoluteUri;
        var headingLine = Array.IndexOf(lines, "## Investigation notes");
        var timelineBlank = Array.IndexOf(lines, "## Action items") - 1;
        var actionItem = Array.IndexOf(lines, "## Action items") + 1;
        (string Name, int Line, int Character)[] places =
        [
            ("front matter value", 3, "severity: ".Length),
            ("heading", headingLine, 3),
            ("timeline entry", timelineBlank, 0),
            ("owner after a dash", actionItem, lines[actionItem].LastIndexOf('—') + 2),
        ];

        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        await using var server = new LanguageServer(serverStream, serverStream, new LanguageServerOptions { DiagnosticsDelay = diagnosticsDelay });
        var serving = server.RunAsync();
        await using var client = new LspClient(clientStream, clientStream);
        await client.InitializeAsync(new Uri(root + "/").AbsoluteUri).ConfigureAwait(false);
        await Task.Delay(300).ConfigureAwait(false);
        var published = client.ExpectDiagnostics(uri, 1);
        await client.OpenAsync(uri, 1, text).ConfigureAwait(false);
        await published.WaitAsync(Timeout).ConfigureAwait(false);

        var delay = $"diagnostics delay {diagnosticsDelay.TotalMilliseconds:0} ms";
        foreach (var (name, line, character) in everyPlace ? places : [])
        {
            // The first call at each place is counted: it is the one a user waits for (JIT, first history read).
            var timings = new List<double>();
            var items = 0;
            for (var i = 0; i < options.Runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await client.RequestAsync("textDocument/completion", new { textDocument = new { uri }, position = new { line, character } }).ConfigureAwait(false);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                items = result.GetProperty("items").GetArrayLength();
            }
            Console.WriteLine($"   completion, {name,-20} parsed version, first call {Stats.Ms(timings[0])}, all:  {Stats.Of(timings)}  ({items} items)");
        }

        // A keystroke, then completion: the new version is parsed by whichever request comes first.
        var afterEdit = new List<double>();
        var proseLine = headingLine + 4;
        for (var i = 0; i <= (everyPlace ? options.Runs : -1); i++)
        {
            var version = 2 + i;
            await client.ChangeAsync(uri, version, proseLine, lines[proseLine][..^1] + (i % 2 == 0 ? "!" : ".")).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            await client.RequestAsync("textDocument/completion", new { textDocument = new { uri }, position = new { line = headingLine, character = 3 } }).ConfigureAwait(false);
            if (i > 0)
            {
                afterEdit.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        if (everyPlace)
        {
            Console.WriteLine($"   completion, heading, right after an edit on another line (parse included, {delay}): {Stats.Of(afterEdit)}");
        }

        // Typing in the line completion is asked on, the common case: the last parse serves the new text.
        var typing = new List<double>();
        var first = 2 + options.Runs + 1;
        for (var i = 0; i < options.Runs; i++)
        {
            await client.ChangeAsync(uri, first + i, headingLine, lines[headingLine] + (i % 2 == 0 ? "!" : ".")).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            await client.RequestAsync("textDocument/completion", new { textDocument = new { uri }, position = new { line = headingLine, character = 3 } }).ConfigureAwait(false);
            typing.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"   completion, heading, right after typing in that line (first included, {delay}): {Stats.Of(typing)}");
        await client.ShutdownAsync().ConfigureAwait(false);
        await serving.WaitAsync(Timeout).ConfigureAwait(false);
    }

    private static async Task WorkspaceDiagnosticsAsync(BenchOptions options)
    {
        var root = await GeneratedPostmortem.WriteWorkspaceAsync("workspace", options.WorkspaceFiles).ConfigureAwait(false);
        try
        {
            var (clientStream, serverStream) = FullDuplexStream.CreatePair();
            await using var server = new LanguageServer(serverStream, serverStream, new LanguageServerOptions { DiagnosticsDelay = TimeSpan.Zero });
            var serving = server.RunAsync();
            await using var client = new LspClient(clientStream, clientStream);
            var scanStarted = Stopwatch.GetTimestamp();
            await client.InitializeAsync(new Uri(root + "/").AbsoluteUri, pull: true).ConfigureAwait(false);
            await client.WorkspaceScanned.WaitAsync(Timeout).ConfigureAwait(false);
            var scanMs = Stopwatch.GetElapsedTime(scanStarted).TotalMilliseconds;
            Console.WriteLine($"   workspace of {options.WorkspaceFiles} files × 120 lines: initialize → scan done (files read and checked) {Stats.Ms(scanMs)}");

            // CPU time of the whole process beside wall time: on a shared machine the wall time is mostly waiting.
            var indexedBefore = client.SimilarIndexed.IsCompleted;
            var firstCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var first = await client.RequestAsync("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() }).ConfigureAwait(false);
            var firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var firstCpu = (Process.GetCurrentProcess().TotalProcessorTime - firstCpuStart).TotalMilliseconds;
            var items = first.GetProperty("items").EnumerateArray().ToArray();
            var diagnostics = items.Sum(i => i.GetProperty("items").GetArrayLength());
            Console.WriteLine($"   workspace/diagnostic, first full report: {Stats.Ms(firstMs)} (process CPU {Stats.Ms(firstCpu)}; similarity index {(indexedBefore ? "already built" : "building meanwhile")})  ({items.Length} files, {diagnostics} diagnostics, {first.GetRawText().Length / 1024.0:F0} KiB)");
            Console.WriteLine($"   workspace/diagnostic, initialize → first full report received: {Stats.Ms(scanMs + firstMs)}");
            await client.SimilarIndexed.WaitAsync(Timeout).ConfigureAwait(false);

            // LT030 for closed files arrives after the index, in the background; one pull takes the ids it changed.
            var repeatsLog = await client.RepeatsSearched.WaitAsync(Timeout).ConfigureAwait(false);
            var previous = items.Select(i => new { uri = i.GetProperty("uri").GetString(), value = i.GetProperty("resultId").GetString() }).ToArray();
            started = Stopwatch.GetTimestamp();
            var afterRepeats = await client.RequestAsync("workspace/diagnostic", new { previousResultIds = previous }).ConfigureAwait(false);
            var afterRepeatsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var changed = afterRepeats.GetProperty("items").EnumerateArray().Where(x => x.GetProperty("kind").GetString() == "full").ToArray();
            Console.WriteLine($"   server: {repeatsLog}");
            Console.WriteLine($"   workspace/diagnostic, pull after LT030 arrived: {Stats.Ms(afterRepeatsMs)} ({changed.Length} full reports, {changed.Sum(c => c.GetProperty("items").GetArrayLength())} diagnostics)");
            var changedIds = changed.ToDictionary(c => c.GetProperty("uri").GetString()!, c => c.GetProperty("resultId").GetString());
            previous = [.. previous.Select(p => changedIds.TryGetValue(p.uri!, out var id) ? p with { value = id } : p)];
            // First a client that keeps its ids encoded (as an editor keeps them, and V8's JSON is far cheaper than
            // reflection over 5,000 anonymous objects here): the request is written once, the response parsed and
            // checked after the clock stops. This one pays the first re-pull's JIT.
            var encoded = JsonSerializer.SerializeToElement(new { previousResultIds = previous });
            var lean = new List<double>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < options.Runs; i++)
            {
                started = Stopwatch.GetTimestamp();
                var again = await client.RequestAsync("workspace/diagnostic", encoded).ConfigureAwait(false);
                lean.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                ExpectAllUnchanged(again, items.Length);
            }
            var leanCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / options.Runs;
            Console.WriteLine($"   workspace/diagnostic, unchanged re-pull (first included; request encoded once, response parsed):  {Stats.Of(lean)}, process CPU {Stats.Ms(leanCpu)} per pull");

            // The same with the bench client's own JSON in the clock: 5,000 anonymous objects serialized by reflection.
            var unchanged = new List<double>();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < options.Runs; i++)
            {
                started = Stopwatch.GetTimestamp();
                var again = await client.RequestAsync("workspace/diagnostic", new { previousResultIds = previous }).ConfigureAwait(false);
                unchanged.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                ExpectAllUnchanged(again, items.Length);
            }
            var repullCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / options.Runs;
            Console.WriteLine($"   workspace/diagnostic, unchanged re-pull (client JSON by reflection included):  {Stats.Of(unchanged)}, process CPU {Stats.Ms(repullCpu)} per pull");
            await client.ShutdownAsync().ConfigureAwait(false);
            await serving.WaitAsync(Timeout).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void ExpectAllUnchanged(JsonElement report, int files)
    {
        var reported = report.GetProperty("items").EnumerateArray().ToArray();
        if (reported.Length != files || reported.Any(x => x.GetProperty("kind").GetString() != "unchanged"))
        {
            throw new InvalidOperationException("an unchanged re-pull did not report every file unchanged");
        }
    }
}
