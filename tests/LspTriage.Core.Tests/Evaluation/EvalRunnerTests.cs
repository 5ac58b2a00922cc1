using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Evaluation;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Evaluation;

public sealed class EvalRunnerTests
{
    private static IReadOnlyList<Scenario> Fixtures()
    {
        var read = ScenarioReader.Read([Path.Combine(RepoPaths.Fixtures, "scenarios")]);
        Assert.Empty(read.Problems);
        return read.Scenarios;
    }

    private static EvalPlan Plan(params string[] languages) =>
        new(EvalPlan.Combine(["offline"], ["ignored"], ["v1", "v2"], languages), 1, 3, AnalysisOptions.Default);

    private static async Task<(IReadOnlyList<EvalResult> Results, List<EvalResult> Recorded)> Run(EvalRunner runner, EvalPlan plan, IReadOnlyList<Scenario> scenarios, IReadOnlyDictionary<string, EvalResult>? finished = null)
    {
        var recorded = new List<EvalResult>();
        var results = await runner.RunAsync(plan, scenarios, finished ?? new Dictionary<string, EvalResult>(), (r, _) =>
        {
            lock (recorded)
            {
                recorded.Add(r);
            }
            return Task.CompletedTask;
        }, null, CancellationToken.None);
        return (results, recorded);
    }

    [Fact]
    public async Task The_offline_analyzer_is_scored_on_every_fixture_in_each_language()
    {
        var scenarios = Fixtures();
        var plan = Plan("auto", "zh");
        // Offline ignores model and prompt: two combinations, not eight.
        Assert.Equal(["offline/-/-/auto", "offline/-/-/zh"], plan.Combinations.Select(c => c.Key));
        var (results, recorded) = await Run(new EvalRunner(_ => new OfflineAnalyzer()), plan, scenarios);
        Assert.Equal(scenarios.Count * 2, results.Count);
        Assert.Equal(results.Count, recorded.Count);
        Assert.DoesNotContain(results, r => r.Failed);
        var pool = results.Single(r => r.Scenario == "orders-mysql-connections" && r.Lang == "auto");
        Assert.True(pool.Top1);
        Assert.True(pool.NamesCause);
        Assert.NotNull(pool.CommandsFitStack);
        var typo = results.Single(r => r.Scenario == "newsletter-typo" && r.Lang == "auto");
        Assert.Null(typo.NamesCause);
        Assert.Equal("zh", results.Single(r => r.Scenario == "metrics-disk-zh" && r.Lang == "auto").ScenarioLang);
        // Results come back in plan order (scenario, combination, repeat) whatever order they finished in.
        Assert.Equal(results.OrderBy(r => r.Scenario, StringComparer.Ordinal).ThenBy(r => r.Lang, StringComparer.Ordinal).Select(r => r.RunKey), results.Select(r => r.RunKey));
    }

    [Fact]
    public async Task Finished_runs_are_kept_and_not_run_again()
    {
        var scenarios = Fixtures();
        var plan = Plan("auto");
        var first = (await Run(new EvalRunner(_ => new OfflineAnalyzer()), plan, scenarios)).Results;
        var kept = first.Take(3).ToDictionary(r => r.RunKey);
        var calls = 0;
        var counting = new Analyzer((c, o) =>
        {
            Interlocked.Increment(ref calls);
            return new OfflineAnalyzer().AnalyzeAsync(c, o, null, CancellationToken.None);
        });
        var (results, recorded) = await Run(new EvalRunner(_ => counting), plan, scenarios, kept);
        Assert.Equal(first.Count - 3, calls);
        Assert.Equal(first.Count - 3, recorded.Count);
        Assert.Equal(first.Select(r => r.RunKey), results.Select(r => r.RunKey));
    }

    [Fact]
    public async Task A_crashing_analyzer_is_recorded_as_failed_and_the_eval_goes_on()
    {
        var scenarios = Fixtures();
        var crashing = new Analyzer((c, o) => c.RawContext.Contains("OOMKilled")
            ? throw new InvalidOperationException("index out of range in the kubectl parser")
            : new OfflineAnalyzer().AnalyzeAsync(c, o, null, CancellationToken.None));
        var (results, _) = await Run(new EvalRunner(_ => crashing), Plan("auto"), scenarios);
        var failed = Assert.Single(results, r => r.Failed);
        Assert.Equal("thumbs-oomkilled", failed.Scenario);
        Assert.Equal("Crash", failed.ErrorKind);
        Assert.Contains("kubectl parser", failed.Error);
        Assert.Equal(scenarios.Count - 1, results.Count(r => !r.Failed));
    }

    [Fact]
    public async Task Cancelling_stops_the_eval_without_recording_the_runs_in_flight()
    {
        var scenarios = Fixtures();
        using var cts = new CancellationTokenSource();
        var hanging = new Analyzer(async (_, _) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, cts.Token);
            throw new InvalidOperationException("unreachable");
        });
        var recorded = new List<EvalResult>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EvalRunner(_ => hanging).RunAsync(Plan("auto"), scenarios, new Dictionary<string, EvalResult>(), (r, _) =>
        {
            recorded.Add(r);
            return Task.CompletedTask;
        }, null, cts.Token));
        Assert.Empty(recorded);
    }

    private sealed class Analyzer(Func<IncidentContext, AnalysisOptions, Task<IncidentAnalysis>> analyze) : IIncidentAnalyzer
    {
        public Task<IncidentAnalysis> AnalyzeAsync(IncidentContext context, AnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            analyze(context, options);
    }
}
