using System.Globalization;
using System.Text.RegularExpressions;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Actions;

/// <summary>
/// An open action item as it leaves the document: the task without its priority and owner, who owns it, how urgent
/// it is, when it is due, and where it was written (<see cref="Line"/> is 1-based).
/// </summary>
public sealed partial record OpenActionItem(string Path, int Line, string? Incident, string Task, string? Owner, string? Priority, DateOnly? Due)
{
    public static IEnumerable<OpenActionItem> From(string path, IncidentDocument document) =>
        document.ActionItems.Where(a => !a.IsDone && !document.IsInsideGeneratedBlock(a.Span.Start)).Select(a => From(path, document, a));

    public static OpenActionItem From(string path, IncidentDocument document, ActionItem item) =>
        new(path, document.RangeOf(item.Span).Start.Line + 1, document.Title, TaskOf(item), item.Owner is { } o && !PlaceholderOwner().IsMatch(o) ? o : null, item.Priority, DueOf(item.Text));

    /// <summary>The issue title: <c>[P1] Add an alert on pool saturation</c>.</summary>
    public string IssueTitle => Priority is { } p ? $"[{p}] {Task}" : Task;

    /// <summary>The issue body in markdown, with a link back to the postmortem (<paramref name="link"/>, or the path and line).</summary>
    public string IssueBody(string? link = null)
    {
        var lines = new List<string> { Task, "" };
        if (Priority is { } p)
        {
            lines.Add($"- Priority: {p}");
        }
        if (Owner is { } o)
        {
            lines.Add($"- Owner: {o}");
        }
        if (Due is { } d)
        {
            lines.Add($"- Due: {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
        var where = link ?? $"{Path}:{Line}";
        lines.Add(Incident is { } title ? $"- From the postmortem: {title} ({where})" : $"- From: {where}");
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Due dates as teams write them: <c>due 2026-07-01</c>, <c>due: 2026-07-01</c>, <c>by 2026-07-01</c>,
    /// <c>截止 2026-07-01</c>, <c>截止日期：2026-07-01</c>, or an ISO date in parentheses.
    /// </summary>
    public static DateOnly? DueOf(string text)
    {
        var m = DueDate().Match(text);
        return m.Success && DateOnly.TryParseExact(m.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null;
    }

    private static string TaskOf(ActionItem item)
    {
        var text = item.Text;
        if (item.Owner is { } owner)
        {
            var dash = Math.Max(text.LastIndexOf('—'), Math.Max(text.LastIndexOf('–'), text.LastIndexOf(" -- ", StringComparison.Ordinal)));
            if (dash > 0 && text[dash..].Contains(owner, StringComparison.Ordinal))
            {
                text = text[..dash];
            }
        }
        text = PriorityToken().Replace(text, "");
        return text.Trim().Trim('-', ':', ' ');
    }

    [GeneratedRegex(@"(?:\b(?:due|by)\s*:?\s*|截止(?:日期|时间)?\s*[:：]?\s*|\()(?<d>\d{4}-\d{2}-\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DueDate();

    [GeneratedRegex(@"^\[?(?:FILL IN|TODO|TBD|待填写)\]?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderOwner();

    [GeneratedRegex(@"^\s*(?:\*\*|__)?\[?[Pp][0-4]\]?(?:\*\*|__)?\s*:?\s*")]
    private static partial Regex PriorityToken();
}
