using System.Text;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Analysis.Editing;

/// <summary>The thin adapter from a parsed document to what the analyzers read.</summary>
public static class IncidentContextReader
{
    /// <summary>
    /// The raw context section's text, without any generated block inside it (the parser nests blocks under the
    /// user's section that holds them). Throws <see cref="AnalysisException"/> with <see cref="AnalysisFailure.NoRawContext"/>.
    /// </summary>
    public static IncidentContext Read(IncidentDocument document)
    {
        var section = RawContextSection(document);
        var sb = new StringBuilder();
        var at = section.ContentSpan.Start;
        foreach (var block in document.GeneratedBlocks.Where(b => b.Span.Start >= section.ContentSpan.Start && b.Span.Start < section.ContentSpan.End).OrderBy(b => b.Span.Start))
        {
            if (block.Span.Start > at)
            {
                sb.Append(document.Text, at, block.Span.Start - at);
            }
            at = Math.Max(at, block.Span.End);
        }
        if (at < section.ContentSpan.End)
        {
            sb.Append(document.Text, at, section.ContentSpan.End - at);
        }
        var raw = sb.ToString().Trim();
        if (raw.Length == 0)
        {
            throw new AnalysisException(
                $"{Where(document, section.HeadingSpan.Start)}: the '{section.Heading}' section is empty. Paste logs, metrics, deploy history and chat notes under it.",
                AnalysisFailure.NoRawContext);
        }
        return new IncidentContext(raw, document.Title, document.Service);
    }

    internal static Section RawContextSection(IncidentDocument document) =>
        document.Sections.FirstOrDefault(s => s.Kind == SectionKind.RawContext && !s.IsGenerated)
        ?? throw new AnalysisException(
            $"{document.Path ?? "the document"}: no '## Raw incident context' section (or '## 原始事件上下文'). Add one and paste the logs, metrics and notes under it.",
            AnalysisFailure.NoRawContext);

    internal static string Where(IncidentDocument document, int offset)
    {
        var p = document.Lines.PositionAt(offset);
        return $"{document.Path ?? "document"}:{p.Line + 1}";
    }
}
