using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>Whether the analysis names the cause in the incident's own words, and quotes the evidence it must.</summary>
internal static class CauseMatch
{
    /// <summary>Any <c>expect_any</c> string in the top hypothesis's title or its quoted evidence; null when nothing is expected.</summary>
    public static bool? NamesTheCause(IReadOnlyList<Hypothesis> hypotheses, IReadOnlyList<string> expectAny)
    {
        if (expectAny.Count == 0)
        {
            return null;
        }
        if (hypotheses.Count == 0)
        {
            return false;
        }
        var top = hypotheses[0];
        IReadOnlyList<string> said = [top.Title, .. top.Evidence];
        return expectAny.Any(e => TextMatch.ContainsAny(said, e));
    }

    /// <summary>The share of <c>expect_evidence</c> strings quoted as evidence by any hypothesis; null when nothing is expected.</summary>
    public static double? EvidenceRecall(IReadOnlyList<Hypothesis> hypotheses, IReadOnlyList<string> expectEvidence)
    {
        if (expectEvidence.Count == 0)
        {
            return null;
        }
        var quotes = hypotheses.SelectMany(h => h.Evidence).ToList();
        return (double)expectEvidence.Count(e => TextMatch.ContainsAny(quotes, e)) / expectEvidence.Count;
    }
}
