using System.Diagnostics;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Bench;

/// <summary>Parse and check every file of the public postmortems corpus, as postmortems (a postmortems/ path).</summary>
internal static class CorpusBench
{
    public static void Run(BenchOptions options)
    {
        if (!Directory.Exists(options.Corpus))
        {
            Console.WriteLine($"== corpus: {options.Corpus} not found, skipped");
            return;
        }
        var files = Directory.GetFiles(options.Corpus, "*.md").Order(StringComparer.Ordinal).ToArray();
        var started = Stopwatch.GetTimestamp();
        var texts = files.Select(File.ReadAllText).ToArray();
        var readMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"== corpus: {files.Length} files, {bytes / 1024.0:F0} KiB, read in {Stats.Ms(readMs)}; {options.CorpusRuns} passes of parse + all checks");

        var passes = new List<double>();
        var slowest = (Ms: 0.0, File: "");
        int findings = 0, failures = 0;
        for (var pass = 0; pass < options.CorpusRuns; pass++)
        {
            findings = 0;
            var passStarted = Stopwatch.GetTimestamp();
            for (var i = 0; i < files.Length; i++)
            {
                var fileStarted = Stopwatch.GetTimestamp();
                try
                {
                    var document = IncidentDocument.Parse(texts[i], "/corpus/postmortems/" + Path.GetFileName(files[i]), DocumentOptions.Default);
                    findings += DocumentChecker.Default.Check(document).Count;
                }
                catch (Exception ex)
                {
                    failures++;
                    Console.WriteLine($"   FAILED {files[i]}: {ex.GetType().Name}: {ex.Message}");
                }
                var fileMs = Stopwatch.GetElapsedTime(fileStarted).TotalMilliseconds;
                if (pass > 0 && fileMs > slowest.Ms)
                {
                    slowest = (fileMs, Path.GetFileName(files[i]));
                }
            }
            passes.Add(Stopwatch.GetElapsedTime(passStarted).TotalMilliseconds);
        }
        Console.WriteLine($"   first pass (includes JIT):               {Stats.Ms(passes[0])}");
        if (passes.Count > 1)
        {
            Console.WriteLine($"   later passes:                            {Stats.Of(passes.Skip(1).ToArray())}; slowest file {Stats.Ms(slowest.Ms)} ({slowest.File})");
        }
        Console.WriteLine($"   {findings} findings per pass, {failures} exceptions");
    }
}
