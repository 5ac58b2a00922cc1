using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Grounding;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>
/// What the analysis states that the context does not support: LT020's grounding findings over the rendered
/// analysis, plus each <c>must_not_claim</c> fact the scenario lists that the analysis states anyway. Commands (code
/// spans and blocks) state nothing: <c>SHOW max_connections;</c> asks, it does not claim the limit was hit.
/// </summary>
internal static partial class UnsupportedClaims
{
    [GeneratedRegex(@"```.*?(```|\z)|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex Code();

    public static IReadOnlyList<string> Find(string renderedBody, string rawContext, IReadOnlyList<string> mustNotClaim)
    {
        var prose = Code().Replace(renderedBody, " ");
        var grounding = GroundingChecker.Check(renderedBody, rawContext).Select(c => c.Text).ToList();
        // A forbidden "429" that grounding already flagged is one made-up claim, not two.
        return
        [
            .. grounding,
            .. mustNotClaim.Where(claim => TextMatch.Contains(prose, claim) && !grounding.Contains(claim, StringComparer.OrdinalIgnoreCase)),
        ];
    }
}
