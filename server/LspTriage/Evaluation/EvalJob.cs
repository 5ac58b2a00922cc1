using System.Diagnostics;
using LspTriage.Cli.Cli;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>
/// Runs an eval into its out folder: reads the scenarios, keeps the finished runs of an earlier (interrupted) eval,
/// runs the rest with progress, appends every result to results.jsonl as it lands, then writes report.md and its chart.
/// </summary>
internal static class EvalJob
{
    public static async Task<int> RunAsync(EvalRequest request, CliIo io, CancellationToken cancellationToken)
    {
        var read = ScenarioReader.Read(request.ScenarioPaths);
        foreach (var problem in read.Problems)
        {
            await io.Error.WriteLineAsync($"lsptriage eval: {problem}").ConfigureAwait(false);
        }
        if (read.Scenarios.Count == 0)
        {
            await io.Error.WriteLineAsync($"lsptriage eval: no scenarios in {string.Join(", ", request.ScenarioPaths)} (markdown files with expect_category in their front matter).").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var resultsPath = Path.Combine(request.OutDirectory, ResultsFile.FileName);
        var existing = ResultsFile.Load(resultsPath);
        var current = read.Scenarios.ToDictionary(s => s.Id, s => s.Hash);
        // A result is still good if its scenario file is unchanged; results of scenarios not in this eval are kept untouched.
        var kept = existing.Results
            .Where(r => !current.TryGetValue(r.Scenario, out var hash) || (hash == r.ScenarioHash && !(request.RetryFailed && r.Failed)))
            .GroupBy(r => r.RunKey).Select(g => g.Last()).ToList();
        var finished = kept.Where(r => current.ContainsKey(r.Scenario)).ToDictionary(r => r.RunKey);
        if (finished.Count > 0)
        {
            await io.Error.WriteLineAsync($"lsptriage eval: resuming: {finished.Count} finished runs kept from {resultsPath}").ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<EvalResult> results;
        var view = EvalProgressView.For(io);
        using (var file = ResultsFile.Rewrite(resultsPath, kept))
        {
            var runner = new EvalRunner(AnalyzerFactory(io));
            results = await runner.RunAsync(request.Plan, read.Scenarios, finished, file.AppendAsync, view, cancellationToken).ConfigureAwait(false);
        }
        view.Finish();
        var wall = clock.Elapsed;

        var report = new EvalReport(read.Scenarios, results, read.Problems, request.CommandLine, wall);
        var reportPath = ReportWriter.Write(report, request.OutDirectory);
        var failed = results.Count(r => r.Failed);
        await io.Error.WriteLineAsync(
            $"lsptriage eval: {results.Count} runs ({failed} failed) of {read.Scenarios.Count} scenarios in {wall.TotalSeconds:0.0}s; wrote {resultsPath} and {reportPath}").ConfigureAwait(false);
        await io.Out.WriteLineAsync(ReportWriter.CombinationTable(report)).ConfigureAwait(false);
        return read.Problems.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static Func<string, IIncidentAnalyzer> AnalyzerFactory(CliIo io)
    {
        var offline = new OfflineAnalyzer();
        var llm = new LlmAnalyzer(io.GetEnvironment);
        return provider => new AnalysisOptions { Provider = provider }.IsOffline ? offline : llm;
    }
}
