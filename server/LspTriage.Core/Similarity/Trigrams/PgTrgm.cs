using System.Globalization;

namespace LspTriage.Core.Similarity.Trigrams;

/// <summary>
/// PostgreSQL pg_trgm's functions and operators, reproduced exactly for a UTF-8 database with a C.UTF-8 ctype on a
/// little-endian server (the configuration the PostgreSQL store and the tests use). Results are single precision,
/// as the server's <c>float4</c>.
/// </summary>
public static class PgTrgm
{
    /// <summary><c>pg_trgm.similarity_threshold</c>'s default: the <c>%</c> operator's cut-off.</summary>
    public const double DefaultSimilarityThreshold = 0.3;

    /// <summary><c>pg_trgm.word_similarity_threshold</c>'s default: the <c>&lt;%</c> operator's cut-off.</summary>
    public const double DefaultWordSimilarityThreshold = 0.6;

    /// <summary><c>show_trgm(text)</c>: the trigrams in the server's order (bytes compared as signed chars, as x86 does),
    /// printable ones as their three characters, the others as <c>0x</c> and six hex digits.</summary>
    public static IReadOnlyList<string> ShowTrgm(string text)
    {
        var set = TrigramExtractor.ExtractSet(text);
        // Flipping each byte's top bit turns signed-char order into unsigned integer order.
        var ordered = set.OrderBy(t => t ^ 0x808080).ToArray();
        var result = new string[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var t = ordered[i];
            int a = (t >> 16) & 0xFF, b = (t >> 8) & 0xFF, c = t & 0xFF;
            result[i] = IsPrintable(a) && IsPrintable(b) && IsPrintable(c)
                ? string.Concat((char)a, (char)b, (char)c)
                : "0x" + t.ToString("x6", CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary><c>similarity(a, b)</c>: shared trigrams over the union of the two de-duplicated sets.</summary>
    public static float Similarity(string a, string b) =>
        TrigramSet.Similarity(TrigramExtractor.ExtractSet(a), TrigramExtractor.ExtractSet(b));

    /// <summary><c>a % b</c> with <c>pg_trgm.similarity_threshold</c> = <paramref name="threshold"/>.</summary>
    public static bool IsSimilar(string a, string b, double threshold = DefaultSimilarityThreshold) =>
        Similarity(a, b) >= threshold;

    /// <summary><c>word_similarity(a, b)</c>: how well <paramref name="a"/> matches some extent of words in <paramref name="b"/>.</summary>
    public static float WordSimilarity(string a, string b) => Trigrams.WordSimilarity.Compute(a, b);

    /// <summary><c>a &lt;% b</c> (and <c>b %&gt; a</c>) with <c>pg_trgm.word_similarity_threshold</c> = <paramref name="threshold"/>.</summary>
    public static bool IsWordSimilar(string a, string b, double threshold = DefaultWordSimilarityThreshold) =>
        Trigrams.WordSimilarity.Compute(a, b, threshold) >= threshold;

    /// <summary><c>a &lt;-&gt; b</c>: one minus <see cref="Similarity"/>, in float4.</summary>
    public static float Distance(string a, string b) => 1.0f - Similarity(a, b);

    /// <summary><c>a &lt;&lt;-&gt; b</c>: one minus <see cref="WordSimilarity"/>, in float4.</summary>
    public static float WordDistance(string a, string b) => 1.0f - WordSimilarity(a, b);

    // ISPRINTABLECHAR under KEEPONLYALNUM: an ASCII letter, digit or space.
    private static bool IsPrintable(int b) =>
        b == ' ' || (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
