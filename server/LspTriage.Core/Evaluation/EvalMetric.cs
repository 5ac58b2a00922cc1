namespace LspTriage.Core.Evaluation;

/// <summary>
/// One metric: how a run is valued, which way is better, and whether a comparison gates on it. The one list that the
/// report's columns and definitions, the chart and <c>--compare</c> are all built from.
/// </summary>
public sealed record EvalMetric(string Id, string Name, string Definition, bool HigherIsBetter, bool IsRate, bool Gated, Func<EvalResult, double?> Value)
{
    public static IReadOnlyList<EvalMetric> All { get; } =
    [
        new("completed", "Completed", "Share of runs that produced an analysis (the rest failed: timeout, unreachable endpoint, invalid answer).",
            true, true, true, r => r.Failed ? 0 : 1),
        new("top1", "Top-1", "The top hypothesis is the expected signature (`expect_category`); for `none`, the top hypothesis claims no signature.",
            true, true, true, r => r.Top1 ? 1 : 0),
        new("top3", "Top-3", "The expected signature is among the first three hypotheses; for `none`, as top-1.",
            true, true, true, r => r.Top3 ? 1 : 0),
        new("names-cause", "Names the cause", "One of `expect_any` appears (ignoring case and spacing) in the top hypothesis's title or its quoted evidence. Scenarios without `expect_any` are left out.",
            true, true, true, r => Bool(r.NamesCause)),
        new("evidence-recall", "Evidence recall", "Share of `expect_evidence` strings quoted as evidence by any hypothesis. Scenarios without `expect_evidence` are left out.",
            true, true, true, r => r.EvidenceRecall),
        new("severity", "Severity match", "The assessed level equals `expect_severity`.",
            true, true, true, r => r.SeverityMatch ? 1 : 0),
        new("sane-summary", "Sane summary", "The summary is a sentence about the symptom: not empty, at most 600 characters, not JSON or a quoted JSON key, not a table row, not a log line, has words (not a bare number), and shares a content word with the context.",
            true, true, true, r => r.SaneSummary ? 1 : 0),
        new("commands-fit", "Commands fit stack", "Share of checklist commands whose technologies (psql, redis-cli, kubectl, jstack…) all show in the context. Runs without a command are left out.",
            true, true, true, r => r.CommandsFitStack),
        new("unsupported", "Unsupported claims", "Per completed run: numbers, times, versions and quotes the context does not support (LT020's grounding check), plus `must_not_claim` facts stated.",
            false, false, true, r => r.UnsupportedClaims),
        new("empty-sections", "Empty sections", "Per completed run: analysis sections with no content (blank or only `[FILL IN]`), out of 8.",
            false, false, true, r => r.EmptySections),
        new("latency-ms", "Latency (ms)", "Mean wall time of a completed run.",
            false, false, false, r => r.LatencyMs),
        new("tokens", "Tokens", "Mean input + output tokens per completed run.",
            false, false, false, r => r.InputTokens is null ? null : (double)(r.InputTokens + (r.OutputTokens ?? 0))),
        new("cost", "Cost (USD)", "Mean cost per completed run, from the price table.",
            false, false, false, r => r.Cost is { } c ? (double)c : null),
    ];

    public static EvalMetric? Find(string id) => All.FirstOrDefault(m => m.Id == id);

    public string Format(double value) => IsRate ? $"{value * 100:0.0}%" : Id == "cost" ? $"{value:0.####}" : $"{value:0.##}";

    /// <summary>The mean over the runs where the metric applies, with how many runs that was; null when none.</summary>
    public (double? Mean, int Count) Mean(IEnumerable<EvalResult> runs)
    {
        var values = runs.Select(Value).OfType<double>().ToList();
        return values.Count == 0 ? (null, 0) : (values.Average(), values.Count);
    }

    /// <summary>How much <paramref name="after"/> is worse than <paramref name="before"/> (negative when better).</summary>
    public double Worsening(double before, double after) => HigherIsBetter ? before - after : after - before;

    private static double? Bool(bool? b) => b is null ? null : b.Value ? 1 : 0;
}
