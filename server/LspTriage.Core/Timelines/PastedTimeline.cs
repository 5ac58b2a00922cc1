namespace LspTriage.Core.Timelines;

/// <summary>
/// Turns pasted events into timeline entries: placed on the calendar (a line without a date is on the date of the line
/// before it, rolling over at midnight), converted to the timeline's zone, in time order, with duplicates folded.
/// </summary>
public static class PastedTimeline
{
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    /// <summary>Repeats of a message closer than this to its previous occurrence fold into the first one.</summary>
    private static readonly TimeSpan FoldWindow = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<NewTimelineEntry> Build(IReadOnlyList<PastedEvent> events, TimelineZone zone)
    {
        var target = zone.Offset ?? events.Select(e => e.Offset).FirstOrDefault(o => o is not null);
        var placed = new List<NewTimelineEntry>(events.Count);
        var date = zone.ReferenceDate ?? TimelineZone.UnknownDate;
        DateTimeOffset? previous = null;
        foreach (var e in events)
        {
            var at = new DateTimeOffset((e.Date ?? date).ToDateTime(e.Time), e.Offset ?? target ?? TimeSpan.Zero);
            if (e.Date is null && previous is { } p && p - at > HalfDay)
            {
                at = at.AddDays(1);
            }
            previous = at;
            date = DateOnly.FromDateTime(at.DateTime);
            var local = at.ToOffset(target ?? at.Offset);
            placed.Add(new NewTimelineEntry(local, e.Author, e.Text.Trim(), 0, local));
        }
        return Fold(placed.OrderBy(e => e.At).ToList());
    }

    /// <summary>Drops entries that an existing one already says at the same minute.</summary>
    public static IReadOnlyList<NewTimelineEntry> Without(IReadOnlyList<NewTimelineEntry> entries, IEnumerable<(DateTimeOffset At, string Description)> existing)
    {
        var known = existing.Select(x => (Minute(x.At), Normalize(x.Description))).ToHashSet();
        return entries.Where(e => !known.Contains((Minute(e.At), Normalize(e.Description))) && !known.Contains((Minute(e.At), Normalize(e.Text)))).ToArray();
    }

    private static List<NewTimelineEntry> Fold(List<NewTimelineEntry> sorted)
    {
        var result = new List<NewTimelineEntry>(sorted.Count);
        var open = new Dictionary<(string?, string), int>();
        foreach (var entry in sorted)
        {
            var key = (entry.Author?.ToLowerInvariant(), Normalize(entry.Text));
            if (open.TryGetValue(key, out var index) && entry.At - result[index].LastAt <= FoldWindow)
            {
                var first = result[index];
                // The same message at the same minute is one message pasted twice, not a repeat worth counting.
                var repeat = Minute(entry.At) != Minute(first.LastAt) || first.Repeats > 0;
                result[index] = first with { Repeats = first.Repeats + (repeat ? 1 : 0), LastAt = entry.At };
                continue;
            }
            open[key] = result.Count;
            result.Add(entry);
        }
        return result;
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.UtcDateTime.Ticks - at.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('.', '。', ' ').ToLowerInvariant();
}
