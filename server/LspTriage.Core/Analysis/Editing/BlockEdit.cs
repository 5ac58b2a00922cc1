using LspTriage.Core.Text;

namespace LspTriage.Core.Analysis.Editing;

/// <summary>The edit that puts a rendered analysis block into a document: one <see cref="TextEdit"/>, also as offsets.</summary>
public sealed record BlockEdit(TextEdit Edit, TextSpan Span, string NewText, BlockEditKind Kind, string? Warning)
{
    /// <summary>The document text after the edit (for the CLI and tests).</summary>
    public string ApplyTo(string text) => string.Concat(text.AsSpan(0, Span.Start), NewText, text.AsSpan(Span.End));
}
