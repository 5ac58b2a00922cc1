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

    public string? Arguments => "SCENARIOS...";

    public string ArgumentsDescription => "Scenario files, or folders of them (every markdown file with expect_category)";

    public IReadOnlyList<string> Synopsis =>
    [
        "SCENARIOS... [--provider offline,openai] [--model M,...] [--prompt v1,v2] [--lang auto,en,zh] [options]",
        "--compare OLD_DIR NEW_DIR [--threshold 0.01 | --threshold top1=0.05,unsupported=0.5]",
    ];

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Repeated("provider", "NAMES", "offline (default) and/or openai; comma-separated or repeated", "offline", "openai", "offline,openai"),
        CliOption.Repeated("model", "NAMES", "Models for openai (default: LSPTRIAGE_LLM_MODEL or the endpoint's default)"),
        CliOption.Repeated("prompt", "VERSIONS", "Prompt versions for openai (default v2)", [.. PromptLibrary.Versions]),
        CliOption.Repeated("lang", "LANGS", "Output language: auto (default, each scenario's own), en, zh", "auto", "en", "zh"),
        CliOption.Value("repeat", "N", "Runs per scenario and combination (default 1)"),
        CliOption.Value("out", "DIR", "Output folder (default eval-results)"),
        CliOption.Value("concurrency", "N", "Runs at a time (default 4)"),
        CliOption.Value("timeout", "SECONDS", "Per-request timeout for openai, seconds (default 100)"),
        CliOption.Value("retries", "N", "Retries on 429/5xx for openai (default 3)"),
        CliOption.Value("base-url", "URL", "OpenAI-compatible endpoint (default LSPTRIAGE_LLM_BASE_URL)"),
        CliOption.Flag("retry-failed", "Run again the runs that failed last time instead of keeping them"),
        CliOption.Flag("compare", "Compare two eval folders (or results.jsonl files): per metric and per scenario"),
        CliOption.Value("threshold", "X|METRIC=X,...", "How much a gated metric may worsen before --compare exits 1 (default 0.01 = one point)"),
    ];

    public string Details => """
        Runs every scenario under every combination of provider × model × prompt × language, N times, and writes
        DIR/results.jsonl (one line per run, failed runs with their error), DIR/report.md and DIR/chart.png. Finished
        runs already in DIR/results.jsonl are kept, so an interrupted eval resumes; a run is redone when its scenario
        file changed.

        Exit codes: 0 done (failed runs are results, not errors), 1 a scenario file has a problem, or --compare found a
        metric worse than its threshold or nothing to compare, 2 usage error.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        if (args.Has("compare"))
        {
            if (args.Positionals.Count != 2)
            {
                throw new UsageException("--compare takes two eval folders: OLD_DIR NEW_DIR.");
            }
            CompareThresholds thresholds;
            try
            {
                thresholds = CompareThresholds.Parse(args.Value("threshold"));
            }
            catch (FormatException e)
            {
                throw new UsageException($"--threshold: {e.Message}.");
            }
            var paths = args.Positionals.Select(io.FullPath).ToList();
            foreach (var path in paths.Where(p => !Directory.Exists(p) && !File.Exists(p)))
            {
                throw new UsageException($"{path}: no such eval folder.");
            }
            return await CompareJob.RunAsync(paths[0], paths[1], thresholds, io).ConfigureAwait(false);
        }
        if (args.Value("threshold") is not null)
        {
            throw new UsageException("--threshold goes with --compare.");
        }
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("Name the scenario files or folders.");
        }

        var providers = List(args, "provider", ["offline"], ["offline", LlmAnalyzer.ProviderName]);
        var prompts = List(args, "prompt", ["v2"], [.. PromptLibrary.Versions]);
        var languages = List(args, "lang", [EvalCombination.SameAsScenario], [EvalCombination.SameAsScenario, "en", "zh"]);
        var baseOptions = new AnalysisOptions
        {
            BaseUrl = args.Value("base-url"),
            Timeout = TimeSpan.FromSeconds(args.Integer("timeout", 100, 1, 3600)),
            MaxRetries = args.Integer("retries", 3, 0, 10),
        };
        var models = List(args, "model", [], null);
        if (models.Count == 0)
        {
            models = [DefaultModel(baseOptions, io)];
        }
        var plan = new EvalPlan(
            EvalPlan.Combine(providers, models, prompts, languages),
            args.Integer("repeat", 1, 1, 100),
            args.Integer("concurrency", 4, 1, 64),
            baseOptions);
        var request = new EvalRequest(
            args.Positionals.Select(io.FullPath).ToList(),
            plan,
            io.FullPath(args.Value("out") ?? "eval-results"),
            args.Has("retry-failed"),
            "lsptriage " + args.CommandLine);
        return await EvalJob.RunAsync(request, io, cancellationToken).ConfigureAwait(false);
    }

    private static List<string> List(CliArgs args, string name, List<string> fallback, string[]? allowed)
    {
        var values = args.Values(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
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
