namespace LspTriage.Core.Text;

public static class TextEdits
{
    /// <summary>Applies non-overlapping edits, given in any order, to a text (LSP's rule for a TextDocumentEdit).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var lines = new LineMap(text);
        var spans = edits
            .Select(e => (Span: lines.SpanOf(e.Range), e.NewText))
            .OrderBy(e => e.Span.Start)
            .ToList();
        var sb = new System.Text.StringBuilder(text.Length + spans.Sum(e => e.NewText.Length));
        var pos = 0;
        foreach (var (span, newText) in spans)
        {
            if (span.Start < pos)
            {
                throw new ArgumentException("Edits overlap.", nameof(edits));
            }
            sb.Append(text, pos, span.Start - pos).Append(newText);
            pos = span.End;
        }
        return sb.Append(text, pos, text.Length - pos).ToString();
    }
}
