using LspTriage.Core.Analysis.Grounding;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>
/// What the analysis states that the context does not support: LT020's grounding findings over the rendered
/// analysis, plus each <c>must_not_claim</c> fact the scenario lists that the analysis states anyway.
/// </summary>
internal static class UnsupportedClaims
{
    public static IReadOnlyList<string> Find(string renderedBody, string rawContext, IReadOnlyList<string> mustNotClaim) =>
    [
        .. GroundingChecker.Check(renderedBody, rawContext).Select(c => c.Text),
        .. mustNotClaim.Where(claim => TextMatch.Contains(renderedBody, claim)),
    ];
}
