using System.Numerics;

namespace LspTriage.Core.Similarity.Index;

/// <summary>
/// Posting lists as bitmaps (one bit per slot) and counts kept as bit planes: plane p of word w holds bit p of the
/// count of each of the word's 64 slots, so adding a bitmap to the counts is a carry-save addition, a few word
/// operations per 64 slots instead of an increment per slot. <see cref="TrigramIndex"/> uses them for the lists most
/// records share.
/// </summary>
internal static class BitPlanes
{
    /// <summary>How many planes hold counts up to <paramref name="max"/>.</summary>
    public static int Count(int max) => 32 - BitOperations.LeadingZeroCount((uint)max);

    /// <summary>Adds one to the count of every slot set in <paramref name="bitmap"/> (word w's planes are
    /// <c>planes[w * planeCount ..]</c>; the counts must stay below 2^planeCount).</summary>
    public static void Add(ulong[] planes, int planeCount, int words, ulong[] bitmap)
    {
        var end = Math.Min(words, bitmap.Length);
        for (var w = 0; w < end; w++)
        {
            var carry = bitmap[w];
            for (var p = w * planeCount; carry != 0; p++)
            {
                var both = planes[p] & carry;
                planes[p] ^= carry;
                carry = both;
            }
        }
    }

    /// <summary>The count the bit planes hold for <paramref name="slot"/>.</summary>
    public static int Value(ulong[] planes, int planeCount, int slot)
    {
        var at = (slot >> 6) * planeCount;
        var bit = slot & 63;
        var value = 0;
        for (var p = 0; p < planeCount; p++)
        {
            value |= (int)((planes[at + p] >> bit) & 1) << p;
        }
        return value;
    }

    /// <summary>The slots of one word whose count is at least <paramref name="min"/>: a comparator run on all 64 at
    /// once, high bit first.</summary>
    public static ulong AtLeast(ulong[] planes, int at, int planeCount, int min)
    {
        ulong greater = 0, equal = ulong.MaxValue;
        for (var p = planeCount - 1; p >= 0; p--)
        {
            var plane = planes[at + p];
            if (((min >> p) & 1) == 1)
            {
                equal &= plane;
            }
            else
            {
                greater |= equal & plane;
                equal &= ~plane;
            }
        }
        return greater | equal;
    }

    /// <summary>The bitmap of the first <paramref name="len"/> slots of an ascending list.</summary>
    public static ulong[] Of(int[] sortedSlots, int len)
    {
        var bitmap = new ulong[(sortedSlots[len - 1] >> 6) + 1];
        for (var j = 0; j < len; j++)
        {
            bitmap[sortedSlots[j] >> 6] |= 1UL << (sortedSlots[j] & 63);
        }
        return bitmap;
    }

    /// <summary>Sets <paramref name="slot"/>'s bit, growing the bitmap when the slot is past its end.</summary>
    public static void Set(ref ulong[] bitmap, int slot)
    {
        var w = slot >> 6;
        if (w >= bitmap.Length)
        {
            Array.Resize(ref bitmap, Math.Max(w + 1, bitmap.Length * 2));
        }
        bitmap[w] |= 1UL << (slot & 63);
    }
}
