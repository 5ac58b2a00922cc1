namespace LspTriage.Core.Evaluation;

/// <summary>Runs that share a label (a combination, a form, a language) and their mean per metric.</summary>
public sealed record EvalGroup(string Label, IReadOnlyList<EvalResult> Runs)
{
    public double? Mean(EvalMetric metric) => metric.Mean(Runs).Mean;

    public static IReadOnlyList<EvalGroup> By(IEnumerable<EvalResult> runs, Func<EvalResult, string> label) =>
        runs.GroupBy(label).Select(g => new EvalGroup(g.Key, g.ToList())).ToList();

    /// <summary>The labels of the groups with the best mean for <paramref name="metric"/> (ties all count); none when fewer than two groups have a value.</summary>
    public static IReadOnlySet<string> Best(IReadOnlyList<EvalGroup> groups, EvalMetric metric)
    {
        var valued = groups.Select(g => (g.Label, Mean: g.Mean(metric))).Where(x => x.Mean is not null).ToList();
        if (valued.Count < 2)
        {
            return new HashSet<string>();
        }
        var best = metric.HigherIsBetter ? valued.Max(x => x.Mean!.Value) : valued.Min(x => x.Mean!.Value);
        return valued.Where(x => Math.Abs(x.Mean!.Value - best) < 1e-9).Select(x => x.Label).ToHashSet();
    }
}
