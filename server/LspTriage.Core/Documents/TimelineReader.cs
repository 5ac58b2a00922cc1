using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Reads the top-level list items of timeline sections as entries with their leading time.</summary>
internal static class TimelineReader
{
    public static List<TimelineEntry> Read(LineMap lines, IReadOnlyList<Section> sections, IReadOnlyList<GeneratedBlock> blocks, IReadOnlyList<ListItemInfo> items, PlaceholderScanner placeholders)
    {
        var entries = new List<TimelineEntry>();
        foreach (var (item, sectionIndex) in SectionLookup.ItemsIn(sections, blocks, items, SectionKind.Timeline))
        {
            var (text, start, _) = ListItemText.FirstLine(lines, item.Span);
            var outcome = TimelineTimeParser.TryParse(text, out var time, out var timeStart, out var timeLength);
            var description = outcome == TimelineTimeParser.Outcome.Read ? text[(timeStart + timeLength)..].TrimStart(' ', ':', '-', '—', '–', '*', '`', ']', '\t') : text;
            entries.Add(new TimelineEntry(item.Span, text, time, new TextSpan(start + timeStart, timeLength), description, sectionIndex)
            {
                IsPlaceholder = outcome == TimelineTimeParser.Outcome.NoTime && StartsWithPlaceholder(text, placeholders),
            });
        }
        return entries;
    }

    private static bool StartsWithPlaceholder(string text, PlaceholderScanner placeholders)
    {
        var first = -1;
        placeholders.Scan(text, new TextSpan(0, text.Length), (_, span) => first = first < 0 ? span.Start : first);
        return first >= 0 && text[..first].Trim(' ', '*', '_', '`').Length == 0;
    }
}
