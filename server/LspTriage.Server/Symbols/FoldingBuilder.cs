using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Server.Protocol;

namespace LspTriage.Server.Symbols;

/// <summary>Folds sections (to their last non-blank line), the front matter and generated blocks.</summary>
internal static class FoldingBuilder
{
    public static IReadOnlyList<FoldingRange> Build(IncidentDocument document)
    {
        var ranges = new List<FoldingRange>(document.Sections.Count + document.GeneratedBlocks.Count + 1);
        if (document.FrontMatter.IsPresent)
        {
            Add(ranges, document, document.FrontMatter.Span, "imports");
        }
        foreach (var section in document.Sections)
        {
            Add(ranges, document, section.Span, null);
        }
        foreach (var block in document.GeneratedBlocks)
        {
            Add(ranges, document, block.Span, "region");
        }
        return ranges;
    }

    private static void Add(List<FoldingRange> ranges, IncidentDocument document, TextSpan span, string? kind)
    {
        var end = span.End;
        while (end > span.Start && char.IsWhiteSpace(document.Text[end - 1]))
        {
            end--;
        }
        var startLine = document.Lines.PositionAt(span.Start).Line;
        var endLine = document.Lines.PositionAt(end).Line;
        if (endLine > startLine)
        {
            ranges.Add(new FoldingRange(startLine, endLine) { Kind = kind });
        }
    }
}
