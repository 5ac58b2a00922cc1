using System.Globalization;
using System.Text;

namespace LspTriage.Similarity.Bench;

/// <summary>
/// Generates incident keys and files at run time from real seed texts (corpus titles and summaries) by small edits:
/// dropped, swapped and substituted words, changed numbers, prefixes. Neighbourhoods of near-duplicates like real
/// histories have (re-runs, recurring failures), so searches have strong matches. Deterministic for a seed.
/// </summary>
internal sealed class SyntheticIncidents(IReadOnlyList<(string Title, string Summary)> seeds, int seed)
{
    private static readonly string[] Prefixes = ["", "", "", "[Eval][v1][en] ", "[Eval][v2][en] ", "[Scenario] ", "Recurring: ", "Follow-up: "];
    private static readonly string[] Services = ["payment-svc", "checkout", "auth", "search", "ledger", "gateway", "notifications", "billing", "inventory", "sync"];
    private static readonly string[] Severities = ["SEV1", "SEV2", "SEV3", "SEV4"];

    private readonly Random _rng = new(seed);
    private readonly string[] _vocabulary = seeds.SelectMany(s => (s.Title + " " + s.Summary).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();

    public (string Title, string Summary) Next()
    {
        var (title, summary) = seeds[_rng.Next(seeds.Count)];
        return (Prefixes[_rng.Next(Prefixes.Length)] + Mutate(title, 1), Mutate(summary, 3));
    }

    /// <summary>A query unlike any single seed: one seed's title with another's summary, heavily edited. The hard case
    /// for an index (few or no strong matches, so the search has to go down to the threshold).</summary>
    public string NextNovelKey()
    {
        var a = seeds[_rng.Next(seeds.Count)];
        var b = seeds[_rng.Next(seeds.Count)];
        return Mutate(a.Title, 3) + " " + Mutate(b.Summary, 12);
    }

    public string NextKey()
    {
        var (t, s) = Next();
        return t + " " + s;
    }

    /// <summary>A whole incident file (front matter, title, summary, root cause, context), as a user would write it.</summary>
    public string NextFile(int n)
    {
        var (title, summary) = Next();
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("service: ").Append(Services[_rng.Next(Services.Length)]).Append('\n');
        sb.Append("created: ").Append(new DateTime(2024, 1, 1).AddHours(n * 7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("severity: ").Append(Severities[_rng.Next(Severities.Length)]).Append('\n');
        sb.Append("---\n# ").Append(title).Append("\n\n## Summary\n").Append(summary).Append("\n\n## Raw incident context\n");
        for (var i = 0; i < 12; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{10 + (i / 6)}:{i * 5 % 60:D2} UTC ").Append(Mutate(summary, 6)).Append('\n');
        }
        sb.Append("\n## Root cause\n").Append(Mutate(summary, 4)).Append("\n\n## Action items\n- P1 Add an alert — SRE\n");
        return sb.ToString();
    }

    private string Mutate(string text, int edits)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0)
        {
            return text;
        }
        var n = _rng.Next(edits + 1);
        for (var e = 0; e < n && words.Count > 1; e++)
        {
            var i = _rng.Next(words.Count);
            switch (_rng.Next(4))
            {
                case 0:
                    words.RemoveAt(i);
                    break;
                case 1:
                    var j = _rng.Next(words.Count);
                    (words[i], words[j]) = (words[j], words[i]);
                    break;
                case 2:
                    words[i] = _vocabulary[_rng.Next(_vocabulary.Length)];
                    break;
                default:
                    words.Insert(i, _rng.Next(1, 500).ToString(CultureInfo.InvariantCulture) + (_rng.Next(2) == 0 ? "ms" : "%"));
                    break;
            }
        }
        return string.Join(' ', words);
    }
}
