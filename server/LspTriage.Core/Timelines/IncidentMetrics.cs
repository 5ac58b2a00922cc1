namespace LspTriage.Core.Timelines;

/// <summary>
/// When the incident's moments happened and the times between them. Every duration is measured from the onset:
/// time to detect = detection − onset, time to mitigate = mitigation − onset, time to resolve = resolution − onset.
/// </summary>
public sealed record IncidentMetrics(IReadOnlyDictionary<IncidentMoment, MomentMark> Moments)
{
    public static readonly IncidentMetrics None = new(new Dictionary<IncidentMoment, MomentMark>());

    public TimeSpan? TimeToDetect => Since(IncidentMoment.Detection);

    public TimeSpan? TimeToMitigate => Since(IncidentMoment.Mitigation);

    public TimeSpan? TimeToResolve => Since(IncidentMoment.Resolution);

    public TimeSpan? Since(IncidentMoment moment) =>
        moment != IncidentMoment.Onset && Moments.TryGetValue(IncidentMoment.Onset, out var onset) && Moments.TryGetValue(moment, out var mark) && mark.At >= onset.At
            ? mark.At - onset.At
            : null;

    /// <summary><c>2m</c>, <c>1h 05m</c>, <c>2d 3h</c>: short enough for an inlay hint.</summary>
    public static string Short(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{(int)span.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes}m",
        { TotalDays: < 1 } => $"{(int)span.TotalHours}h {span.Minutes:00}m",
        _ => $"{(int)span.TotalDays}d {span.Hours}h",
    };
}

/// <summary>
/// Where a moment comes from: a timeline entry (with the marker or keyword that chose it) or a front matter key
/// (<see cref="Entry"/> null).
/// </summary>
public sealed record MomentMark(IncidentMoment Moment, DateTimeOffset At, Documents.TimelineEntry? Entry, string Reason);
