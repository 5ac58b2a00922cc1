using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Analysis.Editing;

/// <summary>
/// The no-loss rules for writing an analysis block. A previous analysis block is replaced only if its content still
/// hashes to the hash in its begin marker; an edited (or unclosed) one is kept and the new block goes right after it,
/// with a warning. Without a previous block, the new one goes after the raw context section. Nothing else is touched.
/// </summary>
public static class AnalysisBlockEditor
{
    public static BlockEdit ComputeEdit(IncidentDocument document, string renderedBlock)
    {
        var text = document.Text;
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var block = renderedBlock.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        if (newLine != "\n")
        {
            block = block.Replace("\n", newLine, StringComparison.Ordinal);
        }

        var previous = document.GeneratedBlocks.Where(b => b.Kind == BlockMarker.Kind).OrderBy(b => b.Span.Start).LastOrDefault();
        if (previous is not null)
        {
            if (previous.IsUnedited(document))
            {
                // Span covers both marker lines, without the end marker's line break.
                return Make(document, previous.Span, block, BlockEditKind.Replaced, null);
            }
            var at = previous.IsClosed ? previous.Span.End : text.Length;
            var where = IncidentContextReader.Where(document, previous.Span.Start);
            var warning = previous.IsClosed
                ? $"{where}: the previous analysis was edited since it was generated; it was kept and the new analysis was added after it."
                : $"{where}: the previous analysis block has no end marker; it was kept and the new analysis was added at the end.";
            var prefix = at == text.Length && (at == 0 || text[at - 1] != '\n') ? newLine + newLine : newLine + newLine;
            return Make(document, new TextSpan(at, 0), prefix + block, BlockEditKind.InsertedAfterEdited, warning);
        }

        var raw = IncidentContextReader.RawContextSection(document);
        var offset = raw.Span.End;
        var before = text[..offset];
        string lead;
        if (offset == 0 || before.EndsWith(newLine + newLine, StringComparison.Ordinal) || before.EndsWith("\n\n", StringComparison.Ordinal))
        {
            lead = "";
        }
        else if (before.EndsWith('\n'))
        {
            lead = newLine;
        }
        else
        {
            lead = newLine + newLine;
        }
        var trail = offset < text.Length ? newLine + newLine : newLine;
        return Make(document, new TextSpan(offset, 0), lead + block + trail, BlockEditKind.Inserted, null);
    }

    private static BlockEdit Make(IncidentDocument document, TextSpan span, string newText, BlockEditKind kind, string? warning) =>
        new(new TextEdit(document.RangeOf(span), newText), span, newText, kind, warning);
}
