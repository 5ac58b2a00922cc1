using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

public sealed class TimelineTimeCheck : ICheck
{
    public CheckRule Rule => Rules.TimelineTime;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        document.Timeline
            .Where(e => e.Time is null && !e.IsPlaceholder && e.Text.Trim().Length > 0)
            .Select(e => Rule.At(FirstWord(document, e), $"Timeline entry \"{Shorten(e.Text)}\" does not start with a readable time (for example 14:02 UTC or 2026-06-02 14:02)."));

    private static TextSpan FirstWord(IncidentDocument document, TimelineEntry entry)
    {
        var start = document.Text.IndexOf(entry.Text, entry.Span.Start, StringComparison.Ordinal);
        start = start < 0 ? entry.Span.Start : start;
        var end = start;
        while (end < document.Text.Length && !char.IsWhiteSpace(document.Text[end]))
        {
            end++;
        }
        return TextSpan.FromBounds(start, end);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
