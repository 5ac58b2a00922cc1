namespace LspTriage.Core.Evaluation;

/// <summary>A metric's mean for one combination before and after, over the runs both evals made of unchanged scenarios.</summary>
public sealed record MetricChange(EvalMetric Metric, string Combination, double Before, double After, double? Threshold)
{
    public double Worsening => Metric.Worsening(Before, After);

    public bool IsRegression => Threshold is { } t && Worsening > t + 1e-9;
}

/// <summary>One scenario under one combination: the metrics whose value moved.</summary>
public sealed record ScenarioChange(string Scenario, string Combination, IReadOnlyList<MetricChange> Changes);

/// <summary>
/// What got better and worse between two evals. Only runs present in both, of scenarios whose file did not change,
/// are compared, so scenarios added since the old eval (or edited) neither lift nor sink the means; they are listed.
/// </summary>
public sealed record EvalComparison(
    IReadOnlyList<MetricChange> Metrics,
    IReadOnlyList<ScenarioChange> Scenarios,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Edited,
    int ComparedRuns)
{
    public bool HasRegression => Metrics.Any(m => m.IsRegression);

    public static EvalComparison Compare(IReadOnlyList<EvalResult> before, IReadOnlyList<EvalResult> after, CompareThresholds thresholds)
    {
        var oldHashes = before.GroupBy(r => r.Scenario).ToDictionary(g => g.Key, g => g.First().ScenarioHash);
        var newHashes = after.GroupBy(r => r.Scenario).ToDictionary(g => g.Key, g => g.First().ScenarioHash);
        var edited = oldHashes.Keys.Intersect(newHashes.Keys).Where(s => oldHashes[s] != newHashes[s]).Order(StringComparer.Ordinal).ToList();
        var oldRuns = before.Where(r => !edited.Contains(r.Scenario)).GroupBy(r => r.RunKey).ToDictionary(g => g.Key, g => g.Last());
        var pairs = after.Where(r => !edited.Contains(r.Scenario) && oldRuns.ContainsKey(r.RunKey))
            .GroupBy(r => r.RunKey).Select(g => (Old: oldRuns[g.Key], New: g.Last())).ToList();

        var metrics = new List<MetricChange>();
        foreach (var combination in pairs.GroupBy(p => p.New.Combination.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            metrics.AddRange(Changes(combination.Select(p => p.Old).ToList(), combination.Select(p => p.New).ToList(), combination.Key, thresholds, all: true));
        }
        var scenarios = pairs.GroupBy(p => (p.New.Scenario, p.New.Combination.Key))
            .Select(g => new ScenarioChange(g.Key.Scenario, g.Key.Key, Changes(g.Select(p => p.Old).ToList(), g.Select(p => p.New).ToList(), g.Key.Key, thresholds, all: false)))
            .Where(s => s.Changes.Count > 0)
            .OrderBy(s => s.Scenario, StringComparer.Ordinal).ThenBy(s => s.Combination, StringComparer.Ordinal)
            .ToList();
        return new EvalComparison(
            metrics,
            scenarios,
            newHashes.Keys.Except(oldHashes.Keys).Order(StringComparer.Ordinal).ToList(),
            oldHashes.Keys.Except(newHashes.Keys).Order(StringComparer.Ordinal).ToList(),
            edited,
            pairs.Count);
    }

    private static List<MetricChange> Changes(List<EvalResult> before, List<EvalResult> after, string combination, CompareThresholds thresholds, bool all)
    {
        var changes = new List<MetricChange>();
        foreach (var metric in EvalMetric.All)
        {
            var (b, _) = metric.Mean(before);
            var (a, _) = metric.Mean(after);
            if (b is null || a is null)
            {
                continue;
            }
            // Per scenario only quality moves are news; latency always wobbles.
            if (all || (metric.Gated && Math.Abs(a.Value - b.Value) > 1e-9))
            {
                changes.Add(new MetricChange(metric, combination, b.Value, a.Value, thresholds.For(metric)));
            }
        }
        return changes;
    }
}
