using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Position queries over a document-ordered section list.</summary>
internal static class SectionLookup
{
    /// <summary>The innermost section containing an offset, or -1 when it is before the first heading.</summary>
    public static int IndexAt(IReadOnlyList<Section> sections, int offset)
    {
        // The last section starting at or before the offset, then up its parents to one that still contains it:
        // sections nest, so the innermost container is on that chain. O(log n + depth), for 50,000-section files.
        int lo = 0, hi = sections.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sections[mid].Span.Start <= offset)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        for (var i = last; i >= 0; i = sections[i].ParentIndex)
        {
            var s = sections[i];
            if (offset < s.Span.End || (offset == s.Span.End && s.Span.Length == 0))
            {
                return i;
            }
        }
        return -1;
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
