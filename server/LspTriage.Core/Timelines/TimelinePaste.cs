using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Timelines;

/// <summary>
/// The edits that turn selected pasted lines into timeline entries. Inside the Timeline section the selected lines are
/// replaced (<b>Convert to timeline entries</b>); elsewhere the lines stay where they are and the entries are merged
/// into the Timeline in time order, leaving out any the timeline already has (<b>Append to Timeline</b>).
/// </summary>
public static class TimelinePaste
{
    public const string ConvertTitle = "Convert to timeline entries";
    public const string AppendTitle = "Append to Timeline";

    /// <summary>Null when the selection holds no line with a readable time, or converting it would change nothing.</summary>
    public static TimelinePasteEdit? For(IncidentDocument document, TextRange selection)
    {
        var lines = document.Lines;
        var first = selection.Start.Line;
        var last = selection.End.Character == 0 && selection.End.Line > first ? selection.End.Line - 1 : selection.End.Line;
        if (selection.Start == selection.End || last >= lines.LineCount)
        {
            return null;
        }
        var span = TextSpan.FromBounds(lines.LineStart(first), lines.LineContentEnd(last));
        var zone = TimelineZone.Of(document);
        var pasted = PasteReader.Read(document.TextOf(span), zone.ReferenceDate);
        if (pasted.Events.Count == 0)
        {
            return null;
        }
        var entries = PastedTimeline.Build(pasted.Events, zone);
        var sectionIndex = document.SectionIndexAt(span.Start);
        return InTimeline(document, sectionIndex)
            ? Convert(document, span, entries, zone)
            : Append(document, entries, zone);
    }

    private static bool InTimeline(IncidentDocument document, int sectionIndex)
    {
        for (var i = sectionIndex; i >= 0; i = document.Sections[i].ParentIndex)
        {
            if (document.Sections[i].Kind == SectionKind.Timeline)
            {
                return true;
            }
        }
        return false;
    }

    private static TimelinePasteEdit? Convert(IncidentDocument document, TextSpan span, IReadOnlyList<NewTimelineEntry> entries, TimelineZone zone)
    {
        var before = EntryClock.Place(document, zone).LastOrDefault(p => p.At is not null && p.Entry.Span.End <= span.Start).At;
        var text = string.Join(document.NewLine, TimelineEntryFormatter.Lines(entries, zone, DateOf(before)));
        return text == document.TextOf(span)
            ? null
            : new TimelinePasteEdit(ConvertTitle, [new TextEdit(document.RangeOf(span), text)], entries.Count);
    }

    private static TimelinePasteEdit? Append(IncidentDocument document, IReadOnlyList<NewTimelineEntry> entries, TimelineZone zone)
    {
        var section = document.FindSection(SectionKind.Timeline);
        var nl = document.NewLine;
        if (section is null)
        {
            var end = document.Text.Length;
            var lead = document.Text.EndsWith("\n\n", StringComparison.Ordinal) || end == 0 ? "" : document.Text.EndsWith('\n') ? nl : nl + nl;
            var block = lead + "## Timeline" + nl + nl + string.Join(nl, TimelineEntryFormatter.Lines(entries, zone, null)) + nl;
            return new TimelinePasteEdit(AppendTitle, [new TextEdit(TextRange.Empty(document.Lines.PositionAt(end)), block)], entries.Count);
        }
        var sectionIndex = document.Sections.ToList().IndexOf(section);
        var placed = EntryClock.Place(document, zone).Where(p => p.Entry.SectionIndex == sectionIndex).ToList();
        var fresh = PastedTimeline.Without(entries, placed.Where(p => p.At is not null).Select(p => (p.At!.Value, p.Entry.Description)));
        if (fresh.Count == 0)
        {
            return null;
        }
        var edits = new List<TextEdit>();
        foreach (var group in fresh.GroupBy(e => placed.FindLastIndex(p => p.At is { } at && at <= e.At)))
        {
            var lines = TimelineEntryFormatter.Lines(group.ToArray(), zone, group.Key >= 0 ? DateOf(placed[group.Key].At) : null);
            edits.Add(group.Key >= 0
                ? new TextEdit(TextRange.Empty(EndOfItem(document, placed[group.Key].Entry)), nl + string.Join(nl, lines))
                : placed.Count > 0
                    ? new TextEdit(TextRange.Empty(document.Lines.PositionAt(document.Lines.LineStart(document.RangeOf(placed[0].Entry.Span).Start.Line))), string.Join(nl, lines) + nl)
                    : new TextEdit(TextRange.Empty(EndOfContent(document, section)), nl + string.Join(nl, lines) + nl));
        }
        return new TimelinePasteEdit(AppendTitle, edits, fresh.Count);
    }

    private static DateOnly? DateOf(DateTimeOffset? at) =>
        at is { } a && DateOnly.FromDateTime(a.DateTime) != TimelineZone.UnknownDate ? DateOnly.FromDateTime(a.DateTime) : null;

    private static Position EndOfItem(IncidentDocument document, TimelineEntry entry)
    {
        var end = document.Lines.PositionAt(entry.Span.End);
        var line = end.Character == 0 && end.Line > 0 ? end.Line - 1 : end.Line;
        return document.Lines.PositionAt(document.Lines.LineContentEnd(line));
    }

    /// <summary>After the section's last non-blank line, so the blank line before the next heading stays.</summary>
    private static Position EndOfContent(IncidentDocument document, Section section)
    {
        var line = document.Lines.PositionAt(section.Span.End).Line;
        var headingLine = document.RangeOf(section.HeadingSpan).Start.Line;
        while (line > headingLine && document.Lines.LineText(line).Trim().Length == 0)
        {
            line--;
        }
        return document.Lines.PositionAt(document.Lines.LineContentEnd(line));
    }
}

/// <summary>What the code action applies: its title, the edits, and how many entries they write.</summary>
public sealed record TimelinePasteEdit(string Title, IReadOnlyList<TextEdit> Edits, int EntryCount);
