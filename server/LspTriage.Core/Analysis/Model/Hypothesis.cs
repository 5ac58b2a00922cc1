namespace LspTriage.Core.Analysis.Model;

/// <summary>
/// A root-cause hypothesis. <see cref="Evidence"/> quotes are verbatim substrings of the raw context;
/// <see cref="Refutation"/> says what observation would rule it out. <see cref="SignatureId"/> names the failure
/// signature it came from (offline) or the one the model chose (LLM), when any.
/// </summary>
public sealed record Hypothesis(
    string Title,
    Confidence Confidence,
    IReadOnlyList<string> Evidence,
    string Refutation,
    string? SignatureId = null,
    double Score = 0);
