using System.Globalization;
using LspTriage.Core.Similarity.Trigrams;
using LspTriage.Core.Tests.Similarity.Support;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

/// <summary>PostgreSQL's own pg_trgm regression cases (sql/pg_trgm.sql, sql/pg_word_trgm.sql), ported as data.</summary>
public sealed class PgTrgmRegressionTests
{
    public static TheoryData<string, string[]> FunctionCases()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var line in File.ReadLines(RepoPaths.DataFile("pg_trgm-functions.cases")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split('\t');
            data.Add(fields[0], fields[1..]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FunctionCases))]
    public void Function_matches_the_expected_output(string function, string[] args)
    {
        switch (function)
        {
            case "show_trgm":
                Assert.Equal(args[1], FormatArray(PgTrgm.ShowTrgm(args[0])));
                break;
            case "similarity":
                Assert.Equal(args[2], Format(PgTrgm.Similarity(args[0], args[1])));
                break;
            case "word_similarity":
                Assert.Equal(args[2], Format(PgTrgm.WordSimilarity(args[0], args[1])));
                break;
            default:
                Assert.Fail("unknown function " + function);
                break;
        }
    }

    [Fact]
    public void Similarity_operator_queries_over_trgm_data_match()
    {
        // data/trgm.data is qwertyu0001 .. qwertyu1000.
        var table = Enumerable.Range(1, 1000).Select(i => "qwertyu" + i.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        var sections = ReadSections("trgm-similarity.expected");
        Assert.Equal(4, sections.Count);
        foreach (var (header, expected) in sections)
        {
            var q = header.Split('\'')[1];
            IEnumerable<string> actual;
            if (header.StartsWith("similarity %", StringComparison.Ordinal))
            {
                // select t, similarity(t, q) from test_trgm where t % q order by sml desc, t  (default threshold 0.3)
                actual = BestFirst(table.Where(t => PgTrgm.IsSimilar(t, q)), t => PgTrgm.Similarity(t, q));
            }
            else
            {
                // select t, t <-> q from test_trgm order by t <-> q limit 2
                actual = Nearest(table, t => PgTrgm.Distance(t, q), 2);
            }
            Assert.Equal(expected, actual.ToArray());
        }
    }

    [Fact]
    public void Word_similarity_operator_queries_over_trgm2_data_match()
    {
        var table = File.ReadAllLines(RepoPaths.DataFile("trgm2.data")).Where(l => l.Length > 0).ToArray();
        var sections = ReadSections("trgm2-word-similarity.expected");
        Assert.Equal(7, sections.Count);
        foreach (var (header, expected) in sections)
        {
            var q = header.Split('\'')[1];
            IEnumerable<string> actual;
            if (header.StartsWith("word_similarity <%", StringComparison.Ordinal))
            {
                var threshold = double.Parse(header.Split(' ')[^1], CultureInfo.InvariantCulture);
                actual = BestFirst(table.Where(t => PgTrgm.IsWordSimilar(q, t, threshold)), t => PgTrgm.WordSimilarity(q, t));
            }
            else
            {
                // t <<-> q is word_similarity(q, t)'s distance (the commutator form).
                actual = Nearest(table, t => PgTrgm.WordDistance(q, t), 7);
            }
            Assert.Equal(expected, actual.ToArray());
        }
    }

    [Fact]
    public void Threshold_is_inclusive_as_the_operators_are()
    {
        // similarity('wow', 'WOWa ') is exactly 0.5: % holds at 0.5 and fails just above it.
        Assert.True(PgTrgm.IsSimilar("wow", "WOWa ", 0.5));
        Assert.False(PgTrgm.IsSimilar("wow", "WOWa ", 0.5000001));
        Assert.True(PgTrgm.IsSimilar("qwertyu0988", "gwertyu1988")); // 0.333333 ≥ default 0.3
        Assert.False(PgTrgm.IsSimilar("Szczecin", "Warsaw"));
        // 'Kabankala' <% 'Ntombankala School' is 0.6 exactly: in at the default 0.6.
        Assert.True(PgTrgm.IsWordSimilar("Kabankala", "Ntombankala School"));
        Assert.False(PgTrgm.IsWordSimilar("Kabankala", "Kabakala"));
    }

    // extra_float_digits = 0: float4 printed with 6 significant digits, as "%g" does.
    /// <summary><c>ORDER BY score DESC, t</c>, printed as psql prints <c>t | score</c>.</summary>
    private static IEnumerable<string> BestFirst(IEnumerable<string> rows, Func<string, float> score) =>
        rows.Select(t => (t, s: score(t))).OrderByDescending(x => x.s).ThenBy(x => x.t, StringComparer.Ordinal).Select(x => x.t + "|" + Format(x.s));

    /// <summary><c>ORDER BY distance, t LIMIT n</c>, printed as psql prints <c>t | distance</c>.</summary>
    private static IEnumerable<string> Nearest(IEnumerable<string> rows, Func<string, float> distance, int limit) =>
        rows.Select(t => (t, d: distance(t))).OrderBy(x => x.d).ThenBy(x => x.t, StringComparer.Ordinal).Take(limit).Select(x => x.t + "|" + Format(x.d));

    internal static string Format(float value) => value.ToString("G6", CultureInfo.InvariantCulture);

    internal static string FormatArray(IReadOnlyList<string> items) =>
        "{" + string.Join(",", items.Select(i => i.Contains(' ', StringComparison.Ordinal) || i.Length == 0 ? "\"" + i + "\"" : i)) + "}";

    private static List<(string Header, string[] Rows)> ReadSections(string file)
    {
        var result = new List<(string, string[])>();
        string? header = null;
        var rows = new List<string>();
        foreach (var line in File.ReadLines(RepoPaths.DataFile(file)))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (header is not null)
                {
                    result.Add((header, rows.ToArray()));
                }
                header = line[3..];
                rows.Clear();
            }
            else if (line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
            {
                rows.Add(line);
            }
        }
        if (header is not null)
        {
            result.Add((header, rows.ToArray()));
        }
        return result;
    }
}
