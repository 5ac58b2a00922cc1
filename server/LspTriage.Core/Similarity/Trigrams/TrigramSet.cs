namespace LspTriage.Core.Similarity.Trigrams;

/// <summary>Set arithmetic over sorted, de-duplicated trigram arrays, in pg_trgm's single-precision arithmetic.</summary>
internal static class TrigramSet
{
    public static int CountShared(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x < y)
            {
                i++;
            }
            else if (x > y)
            {
                j++;
            }
            else
            {
                i++;
                j++;
                count++;
            }
        }
        return count;
    }

    /// <summary>pg_trgm's CALCSML with DIVUNION: float4 count / float4 (len1 + len2 - count); 0 when either set is empty.</summary>
    public static float Similarity(int shared, int len1, int len2) =>
        len1 <= 0 || len2 <= 0 ? 0f : (float)shared / (float)(len1 + len2 - shared);

    public static float Similarity(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
        Similarity(CountShared(a, b), a.Length, b.Length);
}
