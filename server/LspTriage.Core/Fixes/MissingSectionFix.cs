using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Fixes;

/// <summary>
/// Inserts a missing required section where it belongs: before the first present section that comes after it in
/// the template's order, else at the end. Headings follow the document's template and language; in a document that
/// writes its sections as field lines (<c>**Trigger:** …</c>), a missing field is inserted as a field line next to them.
/// </summary>
internal static class MissingSectionFix
{
    public static QuickFix Create(IncidentDocument document, SectionKind kind)
    {
        var heading = RequiredSections.HeadingFor(document, kind);
        var next = NextPresent(document, kind);
        var offset = next?.Span.Start ?? document.Text.Length;
        var block = next is { IsField: true }
            ? $"**{heading}:** [FILL IN]\n\n"
            : $"{new string('#', HeadingLevel(document))} {heading}\n\n[FILL IN]\n\n";
        var text = document.Text;
        if (offset == text.Length && text.Length > 0)
        {
            block = (text.EndsWith("\n\n", StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? "\n" : "\n\n") + block.TrimEnd('\n') + "\n";
        }
        block = block.Replace("\n", document.NewLine, StringComparison.Ordinal);
        var at = document.RangeOf(new TextSpan(offset, 0)).Start;
        return new QuickFix($"Add the missing \"{heading}\" section", [new TextEdit(TextRange.Empty(at), block)], IsPreferred: true);
    }

    /// <summary>The level of the first required section written as a heading, else 2.</summary>
    private static int HeadingLevel(IncidentDocument document) =>
        document.Sections.FirstOrDefault(s => !s.IsGenerated && !s.IsField && RequiredSections.Of(document).Any(r => document.Template.Satisfies(s.Kind, r)))?.Level ?? 2;

    private static Section? NextPresent(IncidentDocument document, SectionKind kind)
    {
        var order = RequiredSections.Of(document);
        var position = order.ToList().IndexOf(kind);
        foreach (var later in order.Skip(position + 1))
        {
            if (RequiredSections.Find(document, later).FirstOrDefault() is { } next)
            {
                return next;
            }
        }
        return null;
    }
}
