using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Reads action items from pipe tables in action-item sections, as the Google SRE example and many teams write them:
/// <c>| Action Item | Type | Owner | Bug |</c>. Columns are recognised by their header (Owner/Assignee/Who,
/// Priority/Pri, Bug/Ticket/Issue/Link, Status/State/Done); the item's text is the Action/Item/Task column, else the
/// first one.
/// </summary>
internal static partial class ActionItemTableReader
{
    public static List<ActionItem> Read(LineMap lines, IReadOnlyList<Section> sections, IReadOnlyList<GeneratedBlock> blocks, IReadOnlyList<TextSpan> paragraphs)
    {
        var result = new List<ActionItem>();
        foreach (var paragraph in paragraphs)
        {
            var sectionIndex = SectionLookup.IndexAt(sections, paragraph.Start);
            if (sectionIndex < 0 || sections[sectionIndex].Kind is not (SectionKind.ActionItems or SectionKind.FollowUps) || SectionLookup.InAnyBlock(blocks, paragraph.Start))
            {
                continue;
            }
            var first = lines.PositionAt(paragraph.Start).Line;
            var last = lines.PositionAt(Math.Max(paragraph.Start, paragraph.End - 1)).Line;
            if (last - first < 1 || !lines.LineText(first).Contains('|') || !Delimiter().IsMatch(lines.LineText(first + 1)))
            {
                continue;
            }
            var columns = Columns.From(TableCells.Split(lines.LineText(first), 0).Select(c => lines.LineText(first).Substring(c.Start, c.Length)).ToArray());
            for (var line = first + 2; line <= last; line++)
            {
                if (Row(lines, line, columns, sectionIndex) is { } item)
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    private static ActionItem? Row(LineMap lines, int line, Columns columns, int sectionIndex)
    {
        var start = lines.LineStart(line);
        var text = lines.LineText(line);
        var cells = TableCells.Split(text, start);
        if (cells.Count == 0)
        {
            return null;
        }
        string Value(int? column) => column is { } c && c < cells.Count ? lines.Text.Substring(cells[c].Start, cells[c].Length).Trim() : "";
        TextSpan? Cell(int? column) => column is { } c && c < cells.Count ? cells[c] : null;

        var description = Value(columns.Action ?? 0);
        var owner = Value(columns.Owner) is { Length: > 0 } o && !IsNone(o) ? o : null;
        var priority = ActionItemParser.Parse(Value(columns.Priority)).Priority;
        var prioritySpan = default(TextSpan);
        if (priority is not null && Cell(columns.Priority) is { } pc)
        {
            var at = lines.Text.IndexOf(priority, pc.Start, pc.Length, StringComparison.OrdinalIgnoreCase);
            prioritySpan = at >= 0 ? new TextSpan(at, 2) : default;
        }
        var isDone = Done().IsMatch(text) || (columns.Status is not null && Finished().IsMatch(Value(columns.Status)));
        return new ActionItem(TextSpan.FromBounds(start, lines.LineContentEnd(line)), description, priority, prioritySpan, owner, isDone, sectionIndex)
        {
            Cells = new ActionItemCells(Cell(columns.Owner) ?? (columns.Owner is null ? null : EndOfRow(start, text)), Cell(columns.Priority), Cell(columns.Ticket)),
        };
    }

    /// <summary>A row shorter than the header: the owner cell is missing entirely, so a fix appends at the row's end.</summary>
    private static TextSpan EndOfRow(int start, string text) => new(start + text.TrimEnd().Length, 0);

    private static bool IsNone(string value) => value is "-" or "—" or "–" or "?" or "n/a" or "N/A" or "none" or "None";

    private sealed record Columns(int? Action, int? Owner, int? Priority, int? Ticket, int? Status)
    {
        public static Columns From(string[] headers)
        {
            int? Find(Regex pattern)
            {
                var i = Array.FindIndex(headers, h => pattern.IsMatch(h.Trim().Trim('*', '_').Trim()));
                return i >= 0 ? i : null;
            }
            return new Columns(Find(ActionHeader()), Find(OwnerHeader()), Find(PriorityHeader()), Find(TicketHeader()), Find(StatusHeader()));
        }
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")]
    private static partial Regex Delimiter();

    [GeneratedRegex(@"^(?:action(?: item)?s?|items?|tasks?|what|description|corrective actions?|改进项|行动项|事项)$", RegexOptions.IgnoreCase)]
    private static partial Regex ActionHeader();

    [GeneratedRegex(@"^(?:owners?|assignee|assigned to|who|responsible|负责人|责任人)$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerHeader();

    [GeneratedRegex(@"^(?:priority|prio|pri|优先级)$", RegexOptions.IgnoreCase)]
    private static partial Regex PriorityHeader();

    [GeneratedRegex(@"^(?:bugs?|tickets?|issues?|links?|tracking|jira|工单)$", RegexOptions.IgnoreCase)]
    private static partial Regex TicketHeader();

    [GeneratedRegex(@"^(?:status|state|done|状态)$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusHeader();

    /// <summary>Google's example marks finished rows with DONE in the bug column.</summary>
    [GeneratedRegex(@"\bDONE\b|✅|☑")]
    private static partial Regex Done();

    [GeneratedRegex(@"^(?:done|closed|complete|completed|fixed|resolved|已完成|完成)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Finished();
}
