using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Fixes;

/// <summary>
/// Inserts a missing required section where it belongs: before the first present section that comes after it in
/// the usual order, else after the last present one, else at the end. Headings follow the document's language.
/// </summary>
internal static class MissingSectionFix
{
    public static QuickFix Create(IncidentDocument document, SectionKind kind)
    {
        var heading = RequiredSections.IsChinese(document) ? SectionAliases.ChineseHeading(kind) : SectionAliases.EnglishHeading(kind);
        var level = document.Sections.FirstOrDefault(s => !s.IsGenerated && RequiredSections.Postmortem.Any(r => RequiredSections.Satisfies(s.Kind, r)))?.Level ?? 2;
        var block = $"{new string('#', level)} {heading}\n\n[FILL IN]\n\n";
        var offset = InsertionOffset(document, kind);
        var text = document.Text;
        if (offset == text.Length && text.Length > 0)
        {
            block = (text.EndsWith("\n\n", StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? "\n" : "\n\n") + block.TrimEnd('\n') + "\n";
        }
        block = block.Replace("\n", document.NewLine, StringComparison.Ordinal);
        var at = document.RangeOf(new TextSpan(offset, 0)).Start;
        return new QuickFix($"Add the missing \"{heading}\" section", [new TextEdit(TextRange.Empty(at), block)], IsPreferred: true);
    }

    private static int InsertionOffset(IncidentDocument document, SectionKind kind)
    {
        var order = RequiredSections.Postmortem;
        var position = order.ToList().IndexOf(kind);
        foreach (var later in order.Skip(position + 1))
        {
            if (RequiredSections.Find(document, later).FirstOrDefault() is { } next)
            {
                return next.Span.Start;
            }
        }
        return document.Text.Length;
    }
}
