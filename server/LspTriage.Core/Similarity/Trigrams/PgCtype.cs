using System.Text;

namespace LspTriage.Core.Similarity.Trigrams;

/// <summary>
/// The character classification and case mapping pg_trgm sees in a UTF-8 database with a C.UTF-8 ctype: a word
/// character is an ASCII letter or digit, or a non-ASCII code point glibc calls alpha (see <see cref="PgCtypeTable"/>);
/// lower-casing is glibc's <c>towlower</c>, a per-code-point simple mapping.
/// </summary>
internal static class PgCtype
{
    public static bool IsWordChar(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return (uint)((codePoint | 0x20) - 'a') <= 'z' - 'a' || (uint)(codePoint - '0') <= 9;
        }
        var ranges = PgCtypeTable.WordRanges;
        // Binary search over [first, last] pairs.
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < ranges[2 * mid])
            {
                hi = mid - 1;
            }
            else if (codePoint > ranges[(2 * mid) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    public static int ToLower(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return (uint)(codePoint - 'A') <= 'Z' - 'A' ? codePoint | 0x20 : codePoint;
        }
        // .NET's invariant simple case mapping agrees with glibc 2.36's towlower on every word character except
        // U+0130 (dotted capital I), which glibc folds to ASCII 'i' and .NET leaves alone (checked over all code points).
        if (codePoint == 0x130)
        {
            return 'i';
        }
        return Rune.ToLowerInvariant(new Rune(codePoint)).Value;
    }
}
