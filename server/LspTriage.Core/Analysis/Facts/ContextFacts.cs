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
