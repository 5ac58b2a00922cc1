using LspTriage.Core.Analysis;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// An incident file whose front matter says what a good analysis must find. <see cref="Id"/> is the path relative to
/// the folder it was found in, without <c>.md</c>; <see cref="Hash"/> changes when the file does, so a stale result is
/// re-run and a comparison skips scenarios whose expectations moved.
/// </summary>
public sealed record Scenario(
    string Id,
    string Path,
    string Hash,
    IncidentContext Context,
    string ExpectCategory,
    IReadOnlyList<string> ExpectAny,
    IReadOnlyList<string> ExpectEvidence,
    string ExpectSeverity,
    IReadOnlyList<string> MustNotClaim,
    string Form,
    AnalysisLanguage Language)
{
    /// <summary>The <c>expect_category</c> value for "no known signature fits".</summary>
    public const string NoCategory = "none";

    public static IReadOnlyList<string> Forms { get; } = ["prose", "alert", "kubectl", "logs", "trace", "chat", "mixed"];
}
