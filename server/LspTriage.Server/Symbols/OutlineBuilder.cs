using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;

namespace LspTriage.Server.Symbols;

/// <summary>
/// The hierarchical outline: sections nested by level, with timeline entries and action items under their sections
/// (when <c>includeEntries</c>), so the Outline view doubles as a timeline and a follow-up list.
/// </summary>
internal static class OutlineBuilder
{
    /// <summary>
    /// Entries listed per section before one "… N more" entry. An outline of thousands of log-like lines helps nobody
    /// and costs the editor megabytes of JSON; sections are never capped.
    /// </summary>
    public const int MaxEntriesPerSection = 200;

    public static IReadOnlyList<DocumentSymbol> Build(IncidentDocument document, bool includeEntries)
    {
        var sections = document.Sections;
        var children = new List<DocumentSymbol>[sections.Count];
        for (var i = 0; i < sections.Count; i++)
        {
            children[i] = [];
        }
        if (includeEntries)
        {
            var entries = new int[sections.Count];
            var overflow = new List<TextSpan>?[sections.Count];
            void Add(int section, TextSpan span, Func<DocumentSymbol> make)
            {
                if (entries[section]++ < MaxEntriesPerSection)
                {
                    children[section].Add(make());
                }
                else
                {
                    (overflow[section] ??= []).Add(span);
                }
            }
            foreach (var entry in document.Timeline)
            {
                Add(entry.SectionIndex, entry.Span, () => Leaf(document, entry.Time is null ? entry.Text : $"{document.TextOf(entry.TimeSpan)} {entry.Description}", SymbolKind.Event, entry.Span));
            }
            foreach (var item in document.ActionItems)
            {
                Add(item.SectionIndex, item.Span, () => Leaf(document, item.Text, SymbolKind.Key, item.Span) with { Detail = item.Owner });
            }
            for (var i = 0; i < sections.Count; i++)
            {
                if (overflow[i] is { } rest)
                {
                    var span = TextSpan.FromBounds(rest[0].Start, rest[^1].End);
                    children[i].Add(Leaf(document, $"… {rest.Count} more entries", SymbolKind.Event, span));
                }
            }
        }
        var roots = new List<DocumentSymbol>();
        // Children come after parents in document order, so build from the end and attach upwards.
        var built = new DocumentSymbol[sections.Count];
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            var s = sections[i];
            var kids = children[i];
            kids.Sort((a, b) => Compare(a.Range.Start, b.Range.Start));
            built[i] = new DocumentSymbol(
                s.Heading.Length > 0 ? s.Heading : "(untitled)",
                s.Level == 1 ? SymbolKind.File : SymbolKind.String,
                Trimmed(document, s.Span),
                document.ProtocolRange(s.HeadingSpan.Length > 0 ? s.HeadingSpan : new TextSpan(s.Span.Start, 0)))
            {
                Detail = s.IsGenerated ? "generated" : s.Kind == SectionKind.Other ? null : s.Kind.ToString(),
                Children = kids.Count > 0 ? kids.ToArray() : null,
            };
            if (s.HasParent)
            {
                children[s.ParentIndex].Add(built[i]);
            }
            else
            {
                roots.Add(built[i]);
            }
        }
        roots.Reverse();
        return roots;
    }

    private static DocumentSymbol Leaf(IncidentDocument document, string name, int kind, TextSpan span)
    {
        var range = Trimmed(document, span);
        return new DocumentSymbol(Shorten(name), kind, range, range);
    }

    /// <summary>The span without trailing blank lines, so ranges end where the content does.</summary>
    private static Protocol.Range Trimmed(IncidentDocument document, TextSpan span)
    {
        var end = span.End;
        while (end > span.Start && char.IsWhiteSpace(document.Text[end - 1]))
        {
            end--;
        }
        return document.ProtocolRange(TextSpan.FromBounds(span.Start, end));
    }

    private static int Compare(Protocol.Position a, Protocol.Position b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length == 0 ? "(empty)" : t.Length <= 80 ? t : t[..79] + "…";
    }
}
