using System.Globalization;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Timelines;

/// <summary>
/// The zone and date a document's timeline is written in, and how its entries write a time: the first entry with an
/// explicit offset decides the zone, else the front matter's <c>created</c>; the first entry shows whether times
/// carry a zone label (<c>14:02 UTC</c>), seconds, and which separator comes before the text.
/// </summary>
public sealed record TimelineZone(TimeSpan? Offset, DateOnly? ReferenceDate, string ZoneLabel, bool Seconds, string Separator)
{
    /// <summary>The date used when nothing gives one; never printed.</summary>
    public static readonly DateOnly UnknownDate = new(2000, 1, 1);

    public static TimelineZone Of(IncidentDocument document)
    {
        var created = CreatedDate.Read(document);
        var createdHasOffset = document.FrontMatter["created"] is { } raw && raw.Trim().Length > 10;
        var entries = document.Timeline.Where(e => e.Time is not null).ToList();
        var offset = entries.Select(e => e.Time!.Offset).FirstOrDefault(o => o is not null) ?? (createdHasOffset ? created?.Offset : null);
        DateOnly? reference = created is { } c ? DateOnly.FromDateTime(c.ToOffset(offset ?? c.Offset).DateTime) : null;
        var first = entries.FirstOrDefault();
        if (first is null)
        {
            return new TimelineZone(offset, reference, offset is { } o ? Label(o) : "", false, " — ");
        }
        var timeText = document.TextOf(first.TimeSpan);
        var label = first.Time!.Offset is null ? "" : timeText.EndsWith("UTC", StringComparison.Ordinal) ? " UTC"
            : timeText.EndsWith('Z') ? "Z" : timeText.EndsWith("GMT", StringComparison.Ordinal) ? " GMT" : Label(first.Time.Offset.Value);
        var seconds = System.Text.RegularExpressions.Regex.IsMatch(timeText, @"\d:\d{2}:\d{2}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return new TimelineZone(offset, reference, label, seconds, SeparatorOf(first, timeText));
    }

    /// <summary>How an offset is written after a time: <c> UTC</c>, <c>+08:00</c>.</summary>
    public static string Label(TimeSpan offset) =>
        offset == TimeSpan.Zero ? " UTC" : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static string SeparatorOf(TimelineEntry entry, string timeText)
    {
        var timeEnd = entry.Text.IndexOf(timeText, StringComparison.Ordinal) + timeText.Length;
        var index = entry.Description.Length == 0 ? -1 : entry.Text.LastIndexOf(entry.Description, StringComparison.Ordinal);
        if (index < timeEnd)
        {
            return " — ";
        }
        var between = entry.Text[timeEnd..index];
        return between.LastIndexOfAny(['—', '–', '-', '|']) is var dash and >= 0 ? " " + between[dash] + " "
            : between.Contains(':', StringComparison.Ordinal) ? ": " : " ";
    }
}
