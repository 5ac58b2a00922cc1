using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Timelines;

/// <summary>
/// Places timeline entries on the calendar as the order check reads them: an entry without a date is on the date of
/// the entry before it (or the front matter's <c>created</c> date) and rolls over to the next day when the clock goes
/// back by more than 12 hours; an entry without a zone is in the document's zone.
/// </summary>
public static class EntryClock
{
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    /// <summary>Each entry with its instant; null for entries whose time cannot be read. Dates are unknown when nothing gives one.</summary>
    public static IReadOnlyList<(TimelineEntry Entry, DateTimeOffset? At)> Place(IncidentDocument document, TimelineZone zone)
    {
        var placed = new List<(TimelineEntry, DateTimeOffset?)>(document.Timeline.Count);
        foreach (var section in document.Timeline.GroupBy(e => e.SectionIndex))
        {
            var date = zone.ReferenceDate ?? TimelineZone.UnknownDate;
            DateTimeOffset? previous = null;
            foreach (var entry in section)
            {
                if (entry.Time is not { } time)
                {
                    placed.Add((entry, null));
                    continue;
                }
                var offset = time.Offset ?? zone.Offset ?? TimeSpan.Zero;
                var at = new DateTimeOffset((time.Date ?? date).ToDateTime(time.TimeOfDay), offset);
                if (time.Date is null && previous is { } p && p - at > HalfDay)
                {
                    at = at.AddDays(1);
                }
                date = DateOnly.FromDateTime(at.ToOffset(zone.Offset ?? offset).DateTime);
                previous = at;
                placed.Add((entry, at));
            }
        }
        return placed;
    }
}
