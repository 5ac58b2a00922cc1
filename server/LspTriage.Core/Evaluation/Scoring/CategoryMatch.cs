using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>
/// Whether the expected failure signature is the top hypothesis (top-1) or among the first three (top-3). For
/// <c>none</c> the honest answer is a top hypothesis that claims no signature, for both top-1 and top-3: naming a
/// signature first is wrong however many hypotheses follow.
/// </summary>
internal static class CategoryMatch
{
    public static bool TopK(IReadOnlyList<Hypothesis> hypotheses, string expected, int k)
    {
        if (expected == Scenario.NoCategory)
        {
            return hypotheses.Count == 0 || IsNone(hypotheses[0].SignatureId);
        }
        return hypotheses.Take(k).Any(h => string.Equals(h.SignatureId, expected, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The signature the analysis put first, or <c>none</c>.</summary>
    public static string TopCategory(IReadOnlyList<Hypothesis> hypotheses) =>
        hypotheses.Count > 0 && !IsNone(hypotheses[0].SignatureId) ? hypotheses[0].SignatureId! : Scenario.NoCategory;

    private static bool IsNone(string? id) => string.IsNullOrWhiteSpace(id) || id == Scenario.NoCategory;
}
