using System.Diagnostics;
using LspTriage.Core.Analysis;
using LspTriage.Core.Evaluation.Scoring;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// Runs every scenario under every combination of a plan, skipping runs already <c>finished</c>, and hands each new
/// result to <c>record</c> as soon as it is scored. A run that throws is recorded as failed, never dropped; only
/// cancellation stops the eval (the runs in flight are then not recorded, so a resumed eval does them again).
/// </summary>
public sealed class EvalRunner(Func<string, IIncidentAnalyzer> analyzerFor)
{
    public async Task<IReadOnlyList<EvalResult>> RunAsync(
        EvalPlan plan,
        IReadOnlyList<Scenario> scenarios,
        IReadOnlyDictionary<string, EvalResult> finished,
        Func<EvalResult, CancellationToken, Task> record,
        IProgress<EvalProgress>? progress,
        CancellationToken cancellationToken)
    {
        var all = (from scenario in scenarios
                   from combination in plan.Combinations
                   from repeat in Enumerable.Range(1, plan.Repeat)
                   select (Scenario: scenario, Identity: AnalysisScorer.Identity(scenario, combination, repeat))).ToList();
        var results = new List<EvalResult>();
        var todo = new List<(Scenario Scenario, EvalResult Identity)>();
        foreach (var run in all)
        {
            if (finished.TryGetValue(run.Identity.RunKey, out var done))
            {
                results.Add(done);
            }
            else
            {
                todo.Add(run);
            }
        }
        var failed = results.Count(r => r.Failed);
        progress?.Report(new EvalProgress(results.Count, all.Count, failed, null));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.Concurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(todo, parallel, async (run, ct) =>
        {
            var result = await RunOneAsync(plan, run.Scenario, run.Identity, ct, cancellationToken).ConfigureAwait(false);
            await record(result, ct).ConfigureAwait(false);
            lock (results)
            {
                results.Add(result);
                failed += result.Failed ? 1 : 0;
                progress?.Report(new EvalProgress(results.Count, all.Count, failed, result));
            }
        }).ConfigureAwait(false);

        var order = all.Select((run, i) => (run.Identity.RunKey, i)).ToDictionary(x => x.RunKey, x => x.i);
        return results.OrderBy(r => order[r.RunKey]).ToList();
    }

    /// <param name="stop">The eval's own token: its cancellation reaches <paramref name="cancellationToken"/> (the loop's)
    /// a moment later, and a run that fails in that moment was stopped, not failed.</param>
    private async Task<EvalResult> RunOneAsync(EvalPlan plan, Scenario scenario, EvalResult identity, CancellationToken cancellationToken, CancellationToken stop)
    {
        var combination = identity.Combination;
        var language = LanguageFor(combination, scenario);
        var options = plan.BaseOptions with
        {
            Provider = combination.Provider,
            Model = combination.Model == EvalCombination.NotApplicable ? null : combination.Model,
            PromptVersion = combination.Prompt == EvalCombination.NotApplicable ? plan.BaseOptions.PromptVersion : combination.Prompt,
            Language = language,
        };
        var clock = Stopwatch.StartNew();
        try
        {
            var analysis = await analyzerFor(combination.Provider).AnalyzeAsync(scenario.Context, options, null, cancellationToken).ConfigureAwait(false);
            return AnalysisScorer.Score(identity, scenario, analysis, language, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception) when (stop.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(stop);
        }
        catch (AnalysisException e)
        {
            return AnalysisScorer.Failed(identity, scenario, e.Message, e.Failure.ToString());
        }
        catch (Exception e)
        {
            // An analyzer bug is a result too: the eval goes on and the report shows which scenario broke it.
            return AnalysisScorer.Failed(identity, scenario, $"{e.GetType().Name}: {e.Message}", "Crash");
        }
    }

    public static AnalysisLanguage LanguageFor(EvalCombination combination, Scenario scenario) =>
        combination.Language == EvalCombination.SameAsScenario || !AnalysisLanguageExtensions.TryParse(combination.Language, out var language)
            ? scenario.Language
            : language;
}
