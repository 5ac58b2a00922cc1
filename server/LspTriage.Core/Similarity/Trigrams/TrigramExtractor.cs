using System.Text;

namespace LspTriage.Core.Similarity.Trigrams;

/// <summary>
/// pg_trgm's trigram extraction (trgm_op.c, generate_trgm_only): words are maximal runs of word characters,
/// lower-cased, padded with two spaces before and one after; every window of three characters is a trigram. A trigram
/// of three single-byte characters is its three bytes; any other is the low three bytes (in memory order on a
/// little-endian server) of the legacy CRC-32 of its UTF-8 bytes. A trigram is held as the 24-bit integer pg_trgm's
/// <c>trgm2int</c> prints: first byte highest.
/// </summary>
internal static class TrigramExtractor
{
    /// <summary>Appends the trigrams of <paramref name="text"/> in text order, duplicates kept (as word_similarity needs).</summary>
    public static void AppendAll(ReadOnlySpan<char> text, List<int> output)
    {
        Span<int> word = stackalloc int[64];
        var i = 0;
        while (i < text.Length)
        {
            // Skip to the next word character.
            var cp = ReadCodePoint(text, i, out var width);
            if (!PgCtype.IsWordChar(cp))
            {
                i += width;
                continue;
            }
            var n = 0;
            word[n++] = ' ';
            word[n++] = ' ';
            while (i < text.Length)
            {
                cp = ReadCodePoint(text, i, out width);
                if (!PgCtype.IsWordChar(cp))
                {
                    break;
                }
                if (n + 2 > word.Length)
                {
                    var bigger = new int[word.Length * 2];
                    word[..n].CopyTo(bigger);
                    word = bigger;
                }
                word[n++] = PgCtype.ToLower(cp);
                i += width;
            }
            word[n++] = ' ';
            AppendWord(word[..n], output);
        }
    }

    /// <summary>The de-duplicated trigram set of <paramref name="text"/>, sorted ascending (as integers).</summary>
    public static int[] ExtractSet(ReadOnlySpan<char> text)
    {
        var list = new List<int>(text.Length + 4);
        AppendAll(text, list);
        return SortUnique(list);
    }

    internal static int[] SortUnique(List<int> list)
    {
        if (list.Count == 0)
        {
            return [];
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        span.Sort();
        var n = 1;
        for (var j = 1; j < span.Length; j++)
        {
            if (span[j] != span[n - 1])
            {
                span[n++] = span[j];
            }
        }
        return span[..n].ToArray();
    }

    private static void AppendWord(ReadOnlySpan<int> padded, List<int> output)
    {
        Span<byte> bytes = stackalloc byte[12];
        for (var k = 0; k + 2 < padded.Length; k++)
        {
            int a = padded[k], b = padded[k + 1], c = padded[k + 2];
            if ((a | b | c) < 0x80)
            {
                output.Add((a << 16) | (b << 8) | c);
                continue;
            }
            var len = new Rune(a).EncodeToUtf8(bytes);
            len += new Rune(b).EncodeToUtf8(bytes[len..]);
            len += new Rune(c).EncodeToUtf8(bytes[len..]);
            var crc = LegacyCrc32.Compute(bytes[..len]);
            // CPTRGM copies the first three bytes of the uint32 in memory: on x86-64 its three low-order bytes.
            output.Add((int)(((crc & 0xFF) << 16) | (crc & 0xFF00) | ((crc >> 16) & 0xFF)));
        }
    }

    private static int ReadCodePoint(ReadOnlySpan<char> text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }
        width = 1;
        // A lone surrogate cannot reach PostgreSQL (invalid UTF-8); treat it as a separator, as U+FFFD would be.
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }
}
