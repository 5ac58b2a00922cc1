using System.Diagnostics;
using LspTriage.Server.Hosting;
using Nerdbank.Streams;

namespace LspTriage.Bench;

/// <summary>
/// Start-up indexing, in-process: a generated workspace of <c>--files</c> incident files, a fresh server per run, timed
/// from <c>initialized</c> until both the incident list (workspace symbols, problems) and the similar-incidents index
/// are ready. The bytes the process read meanwhile (<c>rchar</c> of /proc/self/io, Linux) show how often each file was
/// read: once since one scan feeds both.
/// </summary>
internal static class IndexingBench
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    public static async Task RunAsync(BenchOptions options)
    {
        var root = await GeneratedPostmortem.WriteWorkspaceAsync("indexing", options.WorkspaceFiles).ConfigureAwait(false);
        var folder = Path.Combine(root, "postmortems");
        var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"== start-up indexing (in-process server): {options.WorkspaceFiles} files, {bytes / 1024.0 / 1024.0:F1} MiB, {options.Startups} start-ups");
        try
        {
            var times = new List<double>();
            for (var run = 0; run < options.Startups; run++)
            {
                var (clientStream, serverStream) = FullDuplexStream.CreatePair();
                await using var server = new LanguageServer(serverStream, serverStream, new LanguageServerOptions { DiagnosticsDelay = TimeSpan.Zero });
                var serving = server.RunAsync();
                await using var client = new LspClient(clientStream, clientStream);
                var read0 = BytesRead();
                var started = Stopwatch.GetTimestamp();
                await client.InitializeAsync(new Uri(root + "/").AbsoluteUri).ConfigureAwait(false);
                await Task.WhenAll(client.WorkspaceScanned, client.SimilarIndexed).WaitAsync(Timeout).ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var read = BytesRead() - read0;
                times.Add(ms);
                Console.WriteLine($"   start-up {run + 1}{(run == 0 ? " (cold JIT)" : "")}: incident list and similarity index ready in {Stats.Ms(ms)}; read {read / 1024.0 / 1024.0:F1} MiB ({(read0 < 0 ? "?" : (read / (double)bytes).ToString("F2", System.Globalization.CultureInfo.InvariantCulture))}× the workspace)");
                await client.ShutdownAsync().ConfigureAwait(false);
                await serving.ConfigureAwait(false);
            }
            if (times.Count > 1)
            {
                Console.WriteLine($"   warm start-ups: {Stats.Of(times.Skip(1).ToList())}");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Bytes this process has read through read(2) so far, -1 where /proc/self/io is not there.</summary>
    private static long BytesRead()
    {
        try
        {
            var line = File.ReadLines("/proc/self/io").First(l => l.StartsWith("rchar:", StringComparison.Ordinal));
            return long.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return -1;
        }
    }
}
