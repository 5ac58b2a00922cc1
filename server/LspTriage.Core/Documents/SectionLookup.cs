using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Position queries over a document-ordered section list.</summary>
internal static class SectionLookup
{
    /// <summary>The innermost section containing an offset, or -1 when it is before the first heading.</summary>
    public static int IndexAt(IReadOnlyList<Section> sections, int offset)
    {
        var found = -1;
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            if (s.Span.Start > offset)
            {
                break;
            }
            if (offset < s.Span.End || (offset == s.Span.End && s.Span.Length == 0))
            {
                found = i;
            }
        }
        return found;
    }

    public static bool InAnyBlock(IReadOnlyList<GeneratedBlock> blocks, int offset)
    {
        foreach (var b in blocks)
        {
            if (b.Span.Contains(offset))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The list items that sit directly in a section of one of <paramref name="kinds"/> and outside generated blocks.</summary>
    public static IEnumerable<(ListItemInfo Item, int SectionIndex)> ItemsIn(
        IReadOnlyList<Section> sections, IReadOnlyList<GeneratedBlock> blocks, IReadOnlyList<ListItemInfo> items, params SectionKind[] kinds)
    {
        foreach (var item in items)
        {
            if (item.Depth != 0 || InAnyBlock(blocks, item.Span.Start))
            {
                continue;
            }
            var index = IndexAt(sections, item.Span.Start);
            if (index >= 0 && Array.IndexOf(kinds, sections[index].Kind) >= 0)
            {
                yield return (item, index);
            }
        }
    }
}
