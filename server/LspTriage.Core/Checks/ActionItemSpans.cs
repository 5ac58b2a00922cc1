using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

internal static class ActionItemSpans
{
    /// <summary>The item's first line: where its diagnostics go and where owner/priority fixes edit.</summary>
    public static TextSpan FirstLine(IncidentDocument document, ActionItem item)
    {
        var start = document.Text.IndexOf(item.Text, item.Span.Start, StringComparison.Ordinal);
        start = start < 0 ? item.Span.Start : start;
        return new TextSpan(start, item.Text.Length);
    }
}
