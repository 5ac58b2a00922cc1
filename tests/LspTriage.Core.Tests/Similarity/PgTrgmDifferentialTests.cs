using LspTriage.Core.Similarity.Trigrams;
using LspTriage.Core.Tests.Similarity.Support;
using Npgsql;
using NpgsqlTypes;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

/// <summary>Our pg_trgm against a real PostgreSQL 15 (UTF-8, C.UTF-8 ctype): trigram sets and similarities must agree.</summary>
[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class PgTrgmDifferentialTests(PostgresFixture pg)
{
    private const int PairCount = 10_000;

    [Fact]
    public async Task Show_trgm_agrees_for_every_key()
    {
        var keys = KeyPool.Build();
        Assert.True(keys.Count >= 700, $"only {keys.Count} keys");
        Assert.Contains(keys, k => k.Any(c => c >= 0x4E00 && c <= 0x9FFF)); // Chinese is in the sample

        var server = await QueryArrays("select show_trgm(k) from unnest(@a) with ordinality as t(k, i) order by i", keys);
        var mismatches = keys.Select((k, i) => (k, ours: PgTrgm.ShowTrgm(k), theirs: server[i]))
            .Where(x => !x.ours.SequenceEqual(x.theirs)).Take(3)
            .Select(x => $"'{x.k}': ours {PgTrgmRegressionTests.FormatArray(x.ours)} server {PgTrgmRegressionTests.FormatArray(x.theirs)}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Similarity_agrees_for_ten_thousand_pairs()
    {
        var keys = KeyPool.Build();
        var rng = new Random(20260602);
        var a = new string[PairCount];
        var b = new string[PairCount];
        for (var i = 0; i < PairCount; i++)
        {
            a[i] = keys[rng.Next(keys.Count)];
            // Half the pairs from the same neighbourhood of the list (same file, other key mode): high similarities too.
            b[i] = i % 2 == 0 ? keys[rng.Next(keys.Count)] : keys[Math.Clamp(keys.IndexOf(a[i]) + rng.Next(-3, 4), 0, keys.Count - 1)];
        }
        var server = await QueryFloats(
            "select similarity(x, y) from unnest(@a, @b) with ordinality as t(x, y, i) order by i", a, b);
        var exact = 0;
        var worst = 0.0;
        var nonZero = 0;
        for (var i = 0; i < PairCount; i++)
        {
            var ours = PgTrgm.Similarity(a[i], b[i]);
            var diff = Math.Abs(ours - server[i]);
            Assert.True(diff <= 1e-6, $"similarity('{a[i]}', '{b[i]}'): ours {ours:R}, server {server[i]:R}");
            worst = Math.Max(worst, diff);
            exact += ours == server[i] ? 1 : 0;
            nonZero += server[i] > 0 ? 1 : 0;
        }
        Assert.Equal(PairCount, exact); // same float4 arithmetic: not just close, identical
        Assert.True(nonZero > PairCount / 2, $"only {nonZero} pairs share any trigram: the sample is too easy");
    }

    [Fact]
    public async Task Word_similarity_and_operators_agree_for_two_thousand_pairs()
    {
        var keys = KeyPool.Build();
        var rng = new Random(7);
        const int n = 2000;
        var a = new string[n];
        var b = new string[n];
        for (var i = 0; i < n; i++)
        {
            var hay = keys[rng.Next(keys.Count)];
            // Needles: a few words cut from the haystack, or a random other key.
            var words = hay.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            a[i] = i % 3 == 0 || words.Length == 0 ? keys[rng.Next(keys.Count)] : string.Join(' ', words.Skip(rng.Next(words.Length)).Take(rng.Next(1, 4)));
            b[i] = hay;
        }
        var server = await QueryFloats(
            "select word_similarity(x, y) from unnest(@a, @b) with ordinality as t(x, y, i) order by i", a, b);
        var flags = await QueryBools(
            "select x % y, x <% y from unnest(@a, @b) with ordinality as t(x, y, i) order by i", a, b);
        for (var i = 0; i < n; i++)
        {
            Assert.True(PgTrgm.WordSimilarity(a[i], b[i]) == server[i], $"word_similarity('{a[i]}', '{b[i]}'): ours {PgTrgm.WordSimilarity(a[i], b[i]):R} server {server[i]:R}");
            Assert.Equal(flags[i].Similar, PgTrgm.IsSimilar(a[i], b[i]));
            Assert.Equal(flags[i].WordSimilar, PgTrgm.IsWordSimilar(a[i], b[i]));
        }
    }

    [Fact]
    public async Task Every_code_point_is_classified_and_folded_as_the_server_does()
    {
        // The server's word characters among all non-ASCII code points, and their single-character trigrams (which
        // depend on the lower-case mapping and, being multi-byte, on the legacy CRC).
        await using var conn = await pg.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select cp, show_trgm(chr(cp) || 'A' || chr(cp)) from generate_series(1, 1114111) cp " +
            "where (cp < 55296 or cp > 57343) and show_trgm(chr(cp)) <> '{}' order by cp", conn);
        var serverWordChars = new HashSet<int>();
        var failures = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var cp = reader.GetInt32(0);
                serverWordChars.Add(cp);
                var theirs = reader.GetFieldValue<string[]>(1);
                var text = char.ConvertFromUtf32(cp) + "A" + char.ConvertFromUtf32(cp);
                var ours = PgTrgm.ShowTrgm(text);
                if (!ours.SequenceEqual(theirs) && failures.Count < 5)
                {
                    failures.Add($"U+{cp:X4}: ours {PgTrgmRegressionTests.FormatArray(ours)} server {PgTrgmRegressionTests.FormatArray(theirs)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(serverWordChars.Count > 100_000, $"server reports {serverWordChars.Count} word characters: is the cluster's ctype C.UTF-8?");
        for (var cp = 1; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }
            if (PgCtype.IsWordChar(cp) != serverWordChars.Contains(cp))
            {
                Assert.Fail($"U+{cp:X4}: ours says word char = {PgCtype.IsWordChar(cp)}, the server disagrees");
            }
        }
    }

    private async Task<string[][]> QueryArrays(string sql, IReadOnlyList<string> keys)
    {
        await using var conn = await pg.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.ToArray() });
        var result = new List<string[]>(keys.Count);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetFieldValue<string[]>(0));
        }
        return result.ToArray();
    }

    private async Task<float[]> QueryFloats(string sql, string[] a, string[] b)
    {
        await using var conn = await pg.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = a });
        cmd.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = b });
        var result = new List<float>(a.Length);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetFloat(0));
        }
        return result.ToArray();
    }

    private async Task<(bool Similar, bool WordSimilar)[]> QueryBools(string sql, string[] a, string[] b)
    {
        await using var conn = await pg.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = a });
        cmd.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = b });
        var result = new List<(bool, bool)>(a.Length);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetBoolean(0), reader.GetBoolean(1)));
        }
        return result.ToArray();
    }
}
