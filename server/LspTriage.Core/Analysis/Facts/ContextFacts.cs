namespace LspTriage.Core.Analysis.Facts;

/// <summary>Everything the offline analyzer read from the raw context. Every quote is a verbatim substring of <see cref="Raw"/>.</summary>
public sealed record ContextFacts(
    string Raw,
    string? Title,
    string? Service,
    IReadOnlyList<ContextClause> Clauses,
    IReadOnlyList<TimedEvent> Timeline,
    int? OnsetMinute,
    IReadOnlyList<MetricChange> MetricChanges,
    IReadOnlyList<ChangeEvent> Changes,
    IReadOnlyList<RuledOutCause> RuledOut,
    IReadOnlyList<ContextClause> Saturations,
    IReadOnlyList<string> ErrorQuotes,
    double? ErrorRatePercent,
    string? ErrorRateText)
{
    /// <summary>Statements of what the failure does not reach ("the other endpoints are unaffected", "e-mail and push are normal").</summary>
    public IReadOnlyList<ContextClause> Scope { get; init; } = [];

    /// <summary>Services and dependencies the context names (e.g. <c>payment-svc</c>, <c>postgres-primary</c>), in order of first mention.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Calls the context shows ("payment-svc → postgres-primary"), as (caller, callee).</summary>
    public IReadOnlyList<(string From, string To)> Dependencies { get; init; } = [];

    /// <summary>What the incident is about (the alerted workload, the service); clauses about it carry <see cref="Relevance.Subject"/>.</summary>
    public Subject Subject { get; init; } = Subject.Unknown;

    public IReadOnlyList<AlertFact> Alerts { get; init; } = [];

    public IReadOnlyList<PodRow> Pods { get; init; } = [];

    /// <summary>Container states and pod statuses other than Running: waiting and termination reasons with exit codes.</summary>
    public IReadOnlyList<ContainerState> States { get; init; } = [];

    public IReadOnlyList<KubeEvent> Events { get; init; } = [];

    /// <summary>Error-level log lines, repeats folded (see <see cref="ContextClause.Count"/>), in order of first appearance.</summary>
    public IReadOnlyList<LogError> Errors { get; init; } = [];

    public IReadOnlyList<TraceSpan> Spans { get; init; } = [];

    /// <summary>The input forms the context holds, for the prompt and the eval's per-form figures.</summary>
    public IReadOnlyList<FactSource> Forms { get; init; } = [];

    /// <summary>The time zone the context writes its times in ("UTC", "UTC+8"), from the first one it names; null when it names none.</summary>
    public string? Zone { get; init; }

    /// <summary>" UTC", " UTC+8" or "" — appended to times we write, so we never claim UTC for a context that does not say it.</summary>
    public string ZoneSuffix => Zone is null ? "" : " " + Zone;

    /// <summary>A success-rate or availability drop ("login success rate drops from 99.6% to 88%"), the other way errors show.</summary>
    public MetricChange? SuccessRateDrop => MetricChanges.FirstOrDefault(m =>
        (m.Metric.Contains("success", StringComparison.OrdinalIgnoreCase) || m.Metric.Contains("availability", StringComparison.OrdinalIgnoreCase) || m.Metric.Contains("成功率", StringComparison.Ordinal))
        && m.To.EndsWith('%') && PercentOf(m.To) < PercentOf(m.From));

    /// <summary>The share of requests failing implied by <see cref="SuccessRateDrop"/> (100 − the success rate).</summary>
    public double? FailureFromSuccessRate => SuccessRateDrop is { } d ? 100 - PercentOf(d.To) : null;

    private static double PercentOf(string s) =>
        double.TryParse(s.TrimStart('~').TrimEnd('%').Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>
    /// The timeline worth writing down: every change, alert, report and mitigation, then the first symptoms and notes,
    /// at most <paramref name="max"/> entries in time order (a pasted log has a timestamp on every line).
    /// </summary>
    public IReadOnlyList<TimedEvent> KeyTimeline(int max = 40)
    {
        if (Timeline.Count <= max)
        {
            return Timeline;
        }
        var chosen = Timeline.Where(e => e.Kind is EventKind.Change or EventKind.Alert or EventKind.CustomerReport or EventKind.Mitigation).Take(max).ToList();
        var onset = Timeline.FirstOrDefault(e => e.Minute == OnsetMinute && e.Kind == EventKind.Symptom);
        if (onset is not null && chosen.Count < max && !chosen.Contains(onset))
        {
            chosen.Add(onset);
        }
        foreach (var e in Timeline.Where(e => e.Kind == EventKind.Symptom).Concat(Timeline.Where(e => e.Kind == EventKind.Note)))
        {
            if (chosen.Count >= max)
            {
                break;
            }
            if (!chosen.Contains(e))
            {
                chosen.Add(e);
            }
        }
        return chosen.OrderBy(e => e.Minute).ThenBy(e => e.Clause.Start).ToList();
    }

    public bool IsRuledOut(string topic) => RuledOut.Any(r => r.Topic == topic);

    /// <summary>The changes that precede the onset (most recent first), or every change when times are unknown.</summary>
    public IEnumerable<ChangeEvent> ChangesBeforeOnset =>
        Changes.Where(c => c.MinutesBeforeOnset is null or >= 0).OrderBy(c => c.MinutesBeforeOnset ?? int.MaxValue);

    public ChangeEvent? LatestChangeBeforeOnset =>
        Changes.Where(c => c.MinutesBeforeOnset is >= 0 and <= 24 * 60).OrderBy(c => c.MinutesBeforeOnset).FirstOrDefault();

    public IEnumerable<ContextClause> ClausesMatching(System.Text.RegularExpressions.Regex regex) =>
        Clauses.Where(c => regex.IsMatch(c.Text));

    public string? OnsetTimeText => OnsetMinute is { } m ? Timeline.FirstOrDefault(e => e.Minute == m)?.TimeText : null;
}
