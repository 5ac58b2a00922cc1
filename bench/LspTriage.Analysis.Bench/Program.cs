using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LspTriage.Analysis.Bench;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Prompts;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;

// Usage: dotnet run -c Release --project bench/LspTriage.Analysis.Bench [-- SAMPLES_DIR]
// Prints offline analysis latency on the seed incident and the longest sample, and the LLM path's overhead beyond a
// local fake server's own delay (plain and streamed), measured side by side with a bare HttpClient request.
var samples = args.Length > 0 ? args[0] : FindSamples();
var files = Directory.GetFiles(samples, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
var contexts = files.ToDictionary(f => Path.GetFileName(f), f => IncidentContextReader.Read(IncidentDocument.Parse(File.ReadAllText(f), f)));
var seed = contexts["2026-06-02-payment-pool.md"];
var longest = contexts.OrderByDescending(kv => kv.Value.RawContext.Length).First();

Console.WriteLine($"Offline analyzer ({Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger" : "no debugger")}, {(IsRelease() ? "Release" : "Debug")})");
var analyzer = new OfflineAnalyzer();
foreach (var (name, ctx) in new[] { ("seed (2026-06-02-payment-pool.md)", seed), ($"longest sample ({longest.Key}, {longest.Value.RawContext.Length} chars)", longest.Value) })
{
    var cold = Stopwatch.StartNew();
    analyzer.Analyze(ctx, AnalysisLanguage.English);
    cold.Stop();
    var facts = Measure(300, () => FactExtractor.Extract(ctx.RawContext, ctx.Title, ctx.Service));
    var full = Measure(300, () => analyzer.Analyze(ctx, AnalysisLanguage.English));
    var zh = Measure(300, () => analyzer.Analyze(ctx, AnalysisLanguage.Chinese));
    var render = Measure(300, () => AnalysisRenderer.RenderBlock(analyzer.Analyze(ctx, AnalysisLanguage.English), AnalysisLanguage.English));
    Console.WriteLine($"  {name}");
    Console.WriteLine($"    first call (cold, incl. regex construction): {cold.Elapsed.TotalMilliseconds,8:0.000} ms");
    Console.WriteLine($"    facts only          median {facts.Median,8:0.000} ms   p95 {facts.P95,8:0.000} ms");
    Console.WriteLine($"    analysis (en)       median {full.Median,8:0.000} ms   p95 {full.P95,8:0.000} ms");
    Console.WriteLine($"    analysis (zh)       median {zh.Median,8:0.000} ms   p95 {zh.P95,8:0.000} ms");
    Console.WriteLine($"    analysis + render   median {render.Median,8:0.000} ms   p95 {render.P95,8:0.000} ms");
}
var all = Measure(30, () =>
{
    foreach (var c in contexts.Values)
    {
        analyzer.Analyze(c, AnalysisLanguage.English);
    }
});
Console.WriteLine($"  all {contexts.Count} samples, one pass: median {all.Median:0.000} ms");

// A large paste: the seed's context followed by 5,000 application log lines.
var log = new StringBuilder(seed.RawContext).Append('\n');
for (var i = 0; i < 5000; i++)
{
    log.Append($"2026-06-02T14:{i / 600 % 60:00}:{i / 10 % 60:00}.{i % 1000:000}Z INFO  payment-svc http request method=POST path=/v1/charges status={(i % 9 == 0 ? 500 : 200)} duration_ms={40 + i % 400} request_id=req-{i:x6}\n");
}
var big = seed with { RawContext = log.ToString() };
var bigFacts = Measure(5, () => FactExtractor.Extract(big.RawContext, big.Title, big.Service));
var bigRun = Measure(5, () => analyzer.Analyze(big, AnalysisLanguage.English));
Console.WriteLine($"  seed + 5,000 log lines, facts only: median {bigFacts.Median:0.0} ms");
if (Environment.GetEnvironmentVariable("BENCH_PROFILE") == "1")
{
    var bf = FactExtractor.Extract(big.RawContext, big.Title, big.Service);
    foreach (var sig in LspTriage.Core.Analysis.Signatures.SignatureLibrary.All)
    {
        var t = Measure(3, () => sig.Match(bf, AnalysisLanguage.English));
        Console.WriteLine($"    {sig.Id,-28} {t.Median,8:0.0} ms");
    }
}
Console.WriteLine($"  seed + 5,000 log lines ({big.RawContext.Length / 1024} KB): median {bigRun.Median:0.0} ms   p95 {bigRun.P95:0.0} ms");

// What people paste (issue 9): 2,000 lines of kubectl get pods -A, a describe block and logs.
var paste = new IncidentContext(KubectlPaste.Generate(2000), "ledger-api keeps restarting");
var pasteRun = Measure(20, () => analyzer.Analyze(paste, AnalysisLanguage.English));
var pasteTop = analyzer.Analyze(paste, AnalysisLanguage.English).Hypotheses[0];
Console.WriteLine($"  generated kubectl + logs paste (2,000 lines, {paste.RawContext.Length / 1024} KB): median {pasteRun.Median:0.0} ms   p95 {pasteRun.P95:0.0} ms   (target < 100 ms; top: {pasteTop.SignatureId} {pasteTop.Confidence})");

// Prompt size on a 500-line paste, counted with the cl100k_base tokenizer: the paste verbatim vs condensed.
var tokenizer = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding("cl100k_base");
var paste500 = KubectlPaste.Generate(500);
var facts500 = FactExtractor.Extract(paste500, "ledger-api keeps restarting");
var template = PromptLibrary.Get("v2", AnalysisLanguage.English);
string Prompt(string context)
{
    var (system, user) = template.Render(new Dictionary<string, string>
    {
        ["schema"] = PromptLibrary.AnswerSchema, ["title"] = "ledger-api keeps restarting", ["service"] = facts500.Service ?? "(unknown)",
        ["facts"] = PromptFacts.Format(facts500, analyzer.Rank(facts500, AnalysisLanguage.English)), ["context"] = context,
    });
    return system + "\n" + user;
}
var before = tokenizer.CountTokens(Prompt(paste500));
var after = tokenizer.CountTokens(Prompt(PromptFacts.Context(facts500)));
Console.WriteLine($"  prompt tokens on a 500-line paste (cl100k_base): verbatim context {before}, condensed context {after} ({100.0 * after / before:0}%)");

const int delayMs = 200;
Console.WriteLine();
Console.WriteLine($"LLM path against a local chat-completions server that waits {delayMs} ms before answering (n=15 each)");
using var server = new BenchServer(delayMs, BenchAnswer.Json());
using var http = new HttpClient();
var bare = await MeasureAsync(15, async () =>
{
    using var response = await http.PostAsync(server.BaseUrl + "/chat/completions", new StringContent("{\"stream\":false}", Encoding.UTF8, "application/json"));
    await response.Content.ReadAsStringAsync();
});
var llm = new LlmAnalyzer(_ => null);
var options = new AnalysisOptions { Provider = "openai", BaseUrl = server.BaseUrl, Model = "deepseek-chat", ApiKey = "bench", Stream = false };
var plain = await MeasureAsync(15, () => llm.AnalyzeAsync(seed, options, null, CancellationToken.None));
var streamed = await MeasureAsync(15, () => llm.AnalyzeAsync(seed, options with { Stream = true }, null, CancellationToken.None));
Console.WriteLine($"  bare HttpClient POST         median {bare.Median,8:0.0} ms   overhead beyond delay {bare.Median - delayMs,6:0.0} ms");
Console.WriteLine($"  LlmAnalyzer (plain JSON)     median {plain.Median,8:0.0} ms   overhead beyond delay {plain.Median - delayMs,6:0.0} ms   vs bare {plain.Median / bare.Median:0.00}x");
Console.WriteLine($"  LlmAnalyzer (SSE streaming)  median {streamed.Median,8:0.0} ms   overhead beyond delay {streamed.Median - delayMs,6:0.0} ms   vs bare {streamed.Median / bare.Median:0.00}x");
return 0;

static (double Median, double P95) Measure(int n, Action action)
{
    for (var i = 0; i < Math.Min(20, n); i++)
    {
        action();
    }
    var times = new double[n];
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times[i] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return (times[n / 2], times[(int)(n * 0.95)]);
}

static async Task<(double Median, double P95)> MeasureAsync(int n, Func<Task> action)
{
    for (var i = 0; i < 3; i++)
    {
        await action();
    }
    var times = new double[n];
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        times[i] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return (times[n / 2], times[Math.Min(n - 1, (int)(n * 0.95))]);
}

static bool IsRelease() =>
    typeof(BenchAnswer).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

static string FindSamples()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LspTriage.sln")))
        {
            return Path.Combine(dir.FullName, "samples", "incidents");
        }
    }
    throw new InvalidOperationException("Run from inside the repository or pass the samples folder.");
}
