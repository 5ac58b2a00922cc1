using System.Globalization;

namespace LspTriage.Core.Timelines;

/// <summary>
/// Writes new entries as the document's timeline writes its own: <c>- 14:02 UTC — alice: text</c>. An entry shows
/// its date only when it is on another day than the entry before it (the first: than the reference date), which is
/// how the order check reads dates.
/// </summary>
public static class TimelineEntryFormatter
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<NewTimelineEntry> entries, TimelineZone zone, DateOnly? dateBefore)
    {
        var lines = new List<string>(entries.Count);
        var day = dateBefore ?? zone.ReferenceDate;
        foreach (var entry in entries)
        {
            var date = DateOnly.FromDateTime(entry.At.DateTime);
            var showDate = date != TimelineZone.UnknownDate && day is { } d && d != date
                || day is null && date != TimelineZone.UnknownDate && entries.Any(e => DateOnly.FromDateTime(e.At.DateTime) != date);
            day = date;
            var time = entry.At.ToString(zone.Seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
            var label = zone.ZoneLabel;
            var prefix = showDate ? date.ToString("yyyy-MM-dd ", CultureInfo.InvariantCulture) : "";
            lines.Add($"- {prefix}{time}{label}{zone.Separator}{entry.Description}{Repeats(entry, zone)}");
        }
        return lines;
    }

    private static string Repeats(NewTimelineEntry entry, TimelineZone zone) =>
        entry.Repeats == 0 ? "" : $" (×{entry.Repeats + 1}, last at {entry.LastAt.ToString(zone.Seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture)})";
}
