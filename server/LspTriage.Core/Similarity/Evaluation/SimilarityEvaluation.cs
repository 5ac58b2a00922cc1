using System.Globalization;
using System.Text;

namespace LspTriage.Core.Similarity.Evaluation;

/// <summary>
/// How well a ranking finds the past incident each labelled query repeats: per pair kind, the twin-first rate (the
/// expected incident ranks first), the mean reciprocal rank (MRR, over the top 10, no threshold), and with the
/// threshold in force: how often the twin is shown in the top 5, and for queries that expect nothing, how often
/// nothing is shown.
/// </summary>
public sealed record SimilarityEvaluation(string Ranking, double Threshold, IReadOnlyList<QueryOutcome> Outcomes)
{
    public const int RankDepth = 10;

    public static async Task<SimilarityEvaluation> RunAsync(string ranking, SimilarIncidentFinder finder, IReadOnlyList<LabelledQuery> queries, double threshold, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<QueryOutcome>();
        foreach (var q in queries)
        {
            var ranked = await finder.FindAsync(q.Text, q.Path, RankDepth, 0.0001, cancellationToken).ConfigureAwait(false);
            var rank = 0;
            for (var i = 0; i < ranked.Count; i++)
            {
                if (q.IsExpected(ranked[i].Incident.Path))
                {
                    rank = i + 1;
                    break;
                }
            }
            var shown = ranked.Where(r => r.Score >= threshold).Take(SimilarIncidentFinder.DefaultTop).ToList();
            outcomes.Add(new QueryOutcome(q, rank, shown.Count, rank is > 0 and <= SimilarIncidentFinder.DefaultTop && ranked[rank - 1].Score >= threshold, ranked.Count > 0 ? ranked[0].Score : 0));
        }
        return new SimilarityEvaluation(ranking, threshold, outcomes);
    }

    public IEnumerable<string> PairKinds => Outcomes.Select(o => o.Query.Pair).Distinct().Order(StringComparer.Ordinal);

    public Summary Of(string? pair = null)
    {
        var set = Outcomes.Where(o => pair is null || o.Query.Pair == pair).ToList();
        var withTwin = set.Where(o => o.Query.Expected is not null).ToList();
        var without = set.Where(o => o.Query.Expected is null).ToList();
        return new Summary(
            set.Count,
            withTwin.Count,
            withTwin.Count == 0 ? null : withTwin.Count(o => o.Rank == 1) / (double)withTwin.Count,
            withTwin.Count == 0 ? null : withTwin.Average(o => o.Rank == 0 ? 0 : 1.0 / o.Rank),
            withTwin.Count == 0 ? null : withTwin.Count(o => o.TwinShown) / (double)withTwin.Count,
            without.Count == 0 ? null : without.Count(o => o.Shown == 0) / (double)without.Count);
    }

    /// <summary>A plain-text table: one row per pair kind and one for all.</summary>
    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Ranking} (threshold {Threshold:0.###})");
        sb.AppendLine("  pair kind                  n  twin  twin-first   MRR   twin shown  quiet when none");
        foreach (var kind in PairKinds.Append("all"))
        {
            var s = Of(kind == "all" ? null : kind);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {kind,-24} {s.Queries,3}  {s.WithTwin,4}  {P(s.TwinFirst),10}  {F(s.Mrr),5}  {P(s.TwinShown),10}  {P(s.QuietWhenNone),15}");
        }
        return sb.ToString();
    }

    private static string P(double? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    /// <param name="TwinFirst">Share of queries with a twin whose twin ranks first.</param>
    /// <param name="Mrr">Mean reciprocal rank of the twin (0 when not in the top 10).</param>
    /// <param name="TwinShown">Share whose twin is shown: top 5 and at or above the threshold.</param>
    /// <param name="QuietWhenNone">Share of queries expecting nothing for which nothing is shown.</param>
    public sealed record Summary(int Queries, int WithTwin, double? TwinFirst, double? Mrr, double? TwinShown, double? QuietWhenNone);
}

/// <summary>One query's result: the twin's rank (0: not in the top 10), how many results the threshold lets through,
/// whether the twin is among them, and the best score.</summary>
public sealed record QueryOutcome(LabelledQuery Query, int Rank, int Shown, bool TwinShown, double TopScore);
