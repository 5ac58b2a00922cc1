using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

/// <summary>
/// Inline disable comments, as markdownlint has them: <c>&lt;!-- lsptriage-disable-next-line LT006 --&gt;</c> for the
/// next line, <c>&lt;!-- lsptriage-disable LT006 --&gt;</c> for the rest of the section it sits in, and
/// <c>&lt;!-- lsptriage-disable-file LT006 --&gt;</c> for the whole file. Without codes, every rule is disabled there.
/// </summary>
internal static partial class Suppressions
{
    public static IReadOnlyList<(TextSpan Span, IReadOnlySet<string>? Codes)> Read(IncidentDocument document)
    {
        var found = new List<(TextSpan, IReadOnlySet<string>?)>();
        foreach (Match m in Comment().Matches(document.Text))
        {
            var codes = m.Groups["codes"].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            IReadOnlySet<string>? set = codes.Length == 0 ? null : codes.Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            var line = document.Lines.PositionAt(m.Index).Line;
            var span = m.Groups["scope"].Value switch
            {
                "-file" => new TextSpan(0, document.Text.Length),
                "-next-line" => NextLine(document, line),
                _ => RestOfSection(document, m.Index),
            };
            found.Add((span, set));
        }
        return found;
    }

    public static bool Covers(IReadOnlyList<(TextSpan Span, IReadOnlySet<string>? Codes)> suppressions, Finding finding) =>
        suppressions.Any(s => (s.Codes is null || s.Codes.Contains(finding.Code))
            && finding.Span.Start >= s.Span.Start && (finding.Span.Start < s.Span.End || (s.Span.Length == 0 && finding.Span.Start == s.Span.Start)));

    private static TextSpan NextLine(IncidentDocument document, int line)
    {
        var next = Math.Min(line + 1, document.Lines.LineCount - 1);
        return TextSpan.FromBounds(document.Lines.LineStart(next), document.Lines.LineContentEnd(next));
    }

    private static TextSpan RestOfSection(IncidentDocument document, int offset)
    {
        var index = document.SectionIndexAt(offset);
        var end = index >= 0 ? document.Sections[index].Span.End : document.Sections.FirstOrDefault()?.Span.Start ?? document.Text.Length;
        return TextSpan.FromBounds(offset, Math.Max(offset, end));
    }

    [GeneratedRegex(@"<!--\s*lsptriage-disable(?<scope>-next-line|-file)?(?<codes>(?:[\s,]+LT\d{3})*)\s*-->", RegexOptions.IgnoreCase)]
    private static partial Regex Comment();
}
