using System.Globalization;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Similarity.Evaluation;

/// <summary>
/// Fits the combined score's weights and threshold on a labelled set by grid search: every weighting of the signals in
/// steps of 0.05 (summing to 1) is scored by the twin's mean reciprocal rank among all past incidents plus the
/// balanced accuracy of the best threshold (twin first and shown, vs. nothing shown when no twin is expected). The
/// signals of every query × past incident pair are computed once, so the search itself takes well under a second.
/// Every signal keeps at least one step of weight: a labelled set of a few dozen cases can make a signal look useless
/// that users still need (wording decides between incidents without identifiers).
/// </summary>
public static class MatchModelFitter
{
    private const int Steps = 20;

    public const string RefitCommand = "lsptriage similar --fit samples/similarity --history samples/history";

    /// <summary>Fits the weights used without vectors (and with vectors, when <paramref name="vector"/> gives a cosine
    /// for a query text and a past record; else the vector weights keep <paramref name="previous"/>'s).</summary>
    /// <param name="vectorModel">The embeddings model the cosines came from, for the fit's note.</param>
    public static async Task<MatchModel> FitAsync(EmbeddedIncidentStore history, IReadOnlyList<LabelledQuery> queries, MatchModel previous, Func<LabelledQuery, IncidentRecord, double?>? vector = null, CancellationToken cancellationToken = default, string? vectorModel = null)
    {
        var finder = new SimilarIncidentFinder(history, history.Ids, previous);
        var records = history.Records();
        var cases = new List<Case>();
        foreach (var q in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = finder.RecordFor(q.Text, q.Path);
            var terms = record.Features.Terms(record.Service);
            var frequencies = (await history.FindByFeaturesAsync(new SimilarityQuery(record.Key), terms, 0, cancellationToken).ConfigureAwait(false)).Frequencies;
            var scorer = new MatchScorer(record, previous, frequencies);
            var rows = records
                .Where(r => !Files.FilePaths.Comparer.Equals(r.Path ?? "", q.Path))
                .Select(r => (Signals: scorer.Score(r, Trigrams.PgTrgm.Similarity(record.Key, r.Key), vector?.Invoke(q, r)).Match!.Signals, IsTwin: q.IsExpected(r.Path), r.Id))
                .ToArray();
            cases.Add(new Case(q.Expected is not null, rows));
        }
        var without = Search(cases, withVector: false, "refit: " + RefitCommand);
        var with = vector is null || cases.All(c => c.Rows.All(r => r.Signals.Vector is null))
            ? previous.WithVectors
            : Search(cases, withVector: true, $"vectors of {vectorModel ?? "the configured embeddings"}; refit: {RefitCommand} --embeddings onnx --model-path DIR");
        return new MatchModel(without, with);
    }

    private sealed record Case(bool HasTwin, (MatchSignals Signals, bool IsTwin, string Id)[] Rows);

    private static MatchWeights Search(IReadOnlyList<Case> cases, bool withVector, string how)
    {
        MatchWeights? best = null;
        var bestObjective = double.MinValue;
        var s = Steps;
        for (var lexical = 1; lexical <= s; lexical++)
        {
            for (var failure = 1; failure <= s - lexical; failure++)
            {
                for (var service = 1; service <= s - lexical - failure; service++)
                {
                    var rest = s - lexical - failure - service;
                    for (var shared = withVector ? 1 : rest; shared <= rest - (withVector ? 1 : 0); shared++)
                    {
                        var vec = rest - shared;
                        var w = new MatchWeights(lexical / (double)s, failure / (double)s, service / (double)s, shared / (double)s, vec / (double)s, 0);
                        var (objective, threshold, mrr, first, balanced) = Evaluate(cases, w);
                        if (objective > bestObjective + 1e-9)
                        {
                            bestObjective = objective;
                            best = w with
                            {
                                Threshold = threshold,
                                Fit = string.Create(CultureInfo.InvariantCulture,
                                    $"grid search (step {1.0 / s:0.00}) on {cases.Count} labelled queries: MRR {mrr:0.000}, twin first {first:P1}, balanced accuracy at the threshold {balanced:P1}; {how}"),
                            };
                        }
                    }
                }
            }
        }
        return best!;
    }

    private static (double Objective, double Threshold, double Mrr, double First, double Balanced) Evaluate(IReadOnlyList<Case> cases, MatchWeights w)
    {
        double mrr = 0;
        var twins = 0;
        var firsts = 0;
        var twinTop = new List<double>(); // top score when the twin is first
        var noneTop = new List<double>();
        foreach (var c in cases)
        {
            double twinScore = -1, bestOther = -1, top = -1;
            var better = 0;
            var scores = new double[c.Rows.Length];
            for (var i = 0; i < c.Rows.Length; i++)
            {
                scores[i] = w.Score(c.Rows[i].Signals);
                top = Math.Max(top, scores[i]);
                if (c.Rows[i].IsTwin)
                {
                    twinScore = scores[i];
                }
                else
                {
                    bestOther = Math.Max(bestOther, scores[i]);
                }
            }
            if (!c.HasTwin)
            {
                noneTop.Add(top);
                continue;
            }
            twins++;
            if (twinScore < 0)
            {
                continue;
            }
            foreach (var sc in scores)
            {
                if (sc > twinScore)
                {
                    better++;
                }
            }
            mrr += better < 10 ? 1.0 / (better + 1) : 0;
            if (twinScore > bestOther)
            {
                firsts++;
                twinTop.Add(twinScore);
            }
        }
        mrr = twins == 0 ? 0 : mrr / twins;
        var (threshold, balanced) = BestThreshold(twinTop, twins, noneTop);
        return (mrr + balanced, threshold, mrr, twins == 0 ? 0 : firsts / (double)twins, balanced);
    }

    private static (double Threshold, double Balanced) BestThreshold(List<double> twinTop, int twins, List<double> noneTop)
    {
        var best = (Threshold: 0.3, Balanced: -1.0);
        for (var t = 0.05; t <= 0.8; t += 0.01)
        {
            var hit = twins == 0 ? 1 : twinTop.Count(x => x >= t) / (double)twins;
            var quiet = noneTop.Count == 0 ? 1 : noneTop.Count(x => x < t) / (double)noneTop.Count;
            var balanced = (hit + quiet) / 2;
            if (balanced > best.Balanced + 1e-9)
            {
                best = (Math.Round(t, 2), balanced);
            }
        }
        return best;
    }
}
