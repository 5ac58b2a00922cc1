using LspTriage.Cli.Cli;
using LspTriage.Cli.Evaluation;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Prompts;
using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage eval</c>: argument parsing only; the work is in <see cref="EvalJob"/> and <see cref="CompareJob"/>.</summary>
internal sealed class EvalCommand : ICliCommand
{
    public string Name => "eval";

    public string Summary => "Score analyzers, models, prompt versions and languages on scenarios; compare two evals";

    public string Usage => """
        Usage: lsptriage eval SCENARIOS... [--provider offline,openai] [--model M,...] [--prompt v1,v2] [--lang auto,en,zh]
                              [--repeat N] [--out DIR] [--concurrency N] [--timeout SECONDS] [--retries N] [--base-url URL]
                              [--retry-failed]
               lsptriage eval --compare OLD_DIR NEW_DIR [--threshold 0.01 | --threshold top1=0.05,unsupported=0.5]

        Runs every scenario (a file, or every markdown file with expect_category under a folder) under every combination
        of provider × model × prompt × language, N times, and writes DIR/results.jsonl (one line per run, failed runs
        with their error), DIR/report.md and DIR/chart.png. Finished runs already in DIR/results.jsonl are kept, so an
        interrupted eval resumes; a run is redone when its scenario file changed.

          --provider     offline (default) and/or openai; comma-separated or repeated
          --model        models for openai (default: LSPTRIAGE_LLM_MODEL or the endpoint's default)
          --prompt       prompt versions for openai (default v2)
          --lang         output language: auto (default, each scenario's own), en, zh
          --repeat       runs per scenario and combination (default 1)
          --out          output folder (default eval-results)
          --concurrency  runs at a time (default 4)
          --timeout      per-request timeout for openai, seconds (default 100)
          --retries      retries on 429/5xx for openai (default 3)
          --base-url     OpenAI-compatible endpoint (default LSPTRIAGE_LLM_BASE_URL)
          --retry-failed run again the runs that failed last time instead of keeping them
          --compare      compare two eval folders (or results.jsonl files): per metric and per scenario
          --threshold    how much a gated metric may worsen before --compare exits 1 (default 0.01 = one point)

        Exit codes: 0 done (failed runs are results, not errors), 1 a scenario file has a problem, or --compare found a
        metric worse than its threshold or nothing to compare, 2 usage error.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken cancellationToken)
    {
        var parsed = CliArgs.Parse(
            args,
            new HashSet<string> { "provider", "model", "prompt", "lang", "repeat", "out", "concurrency", "timeout", "retries", "base-url", "threshold" },
            new HashSet<string> { "compare", "retry-failed" });
        if (parsed.Has("compare"))
        {
            if (parsed.Positionals.Count != 2)
            {
                throw new UsageException("--compare takes two eval folders: OLD_DIR NEW_DIR.");
            }
            CompareThresholds thresholds;
            try
            {
                thresholds = CompareThresholds.Parse(parsed.Value("threshold"));
            }
            catch (FormatException e)
            {
                throw new UsageException($"--threshold: {e.Message}.");
            }
            var paths = parsed.Positionals.Select(io.FullPath).ToList();
            foreach (var path in paths.Where(p => !Directory.Exists(p) && !File.Exists(p)))
            {
                throw new UsageException($"{path}: no such eval folder.");
            }
            return await CompareJob.RunAsync(paths[0], paths[1], thresholds, io).ConfigureAwait(false);
        }
        if (parsed.Value("threshold") is not null)
        {
            throw new UsageException("--threshold goes with --compare.");
        }
        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("Name the scenario files or folders.");
        }

        var providers = List(parsed, "provider", ["offline"], ["offline", LlmAnalyzer.ProviderName]);
        var prompts = List(parsed, "prompt", ["v2"], [.. PromptLibrary.Versions]);
        var languages = List(parsed, "lang", [EvalCombination.SameAsScenario], [EvalCombination.SameAsScenario, "en", "zh"]);
        var baseOptions = new AnalysisOptions
        {
            BaseUrl = parsed.Value("base-url"),
            Timeout = TimeSpan.FromSeconds(parsed.Integer("timeout", 100, 1, 3600)),
            MaxRetries = parsed.Integer("retries", 3, 0, 10),
        };
        var models = List(parsed, "model", [], null);
        if (models.Count == 0)
        {
            models = [DefaultModel(baseOptions, io)];
        }
        var plan = new EvalPlan(
            EvalPlan.Combine(providers, models, prompts, languages),
            parsed.Integer("repeat", 1, 1, 100),
            parsed.Integer("concurrency", 4, 1, 64),
            baseOptions);
        var request = new EvalRequest(
            parsed.Positionals.Select(io.FullPath).ToList(),
            plan,
            io.FullPath(parsed.Value("out") ?? "eval-results"),
            parsed.Has("retry-failed"),
            "lsptriage eval " + string.Join(' ', args));
        return await EvalJob.RunAsync(request, io, cancellationToken).ConfigureAwait(false);
    }

    private static List<string> List(CliArgs parsed, string name, List<string> fallback, string[]? allowed)
    {
        var values = parsed.Values(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        foreach (var v in values.Where(v => allowed is not null && !allowed.Contains(v)))
        {
            throw new UsageException($"--{name} must be among {string.Join(", ", allowed!)} (got '{v}').");
        }
        return values.Count > 0 ? values : fallback;
    }

    /// <summary>The model the endpoint settings resolve to, so results name a real model; "-" when they do not resolve.</summary>
    private static string DefaultModel(AnalysisOptions options, CliIo io)
    {
        try
        {
            return LlmEndpoint.Resolve(options with { Provider = LlmAnalyzer.ProviderName }, io.GetEnvironment).Model;
        }
        catch (AnalysisException)
        {
            return EvalCombination.NotApplicable;
        }
    }
}
