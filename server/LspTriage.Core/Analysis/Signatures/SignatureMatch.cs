using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A signature that fits the context: the hypothesis it supports, with evidence, and its playbook.</summary>
public sealed record SignatureMatch(
    string SignatureId,
    double Score,
    string Title,
    IReadOnlyList<string> Evidence,
    string Refutation,
    string RootCause,
    IReadOnlyList<ChecklistStep> Checklist,
    IReadOnlyList<MitigationStep> Mitigations,
    IReadOnlyList<FollowUp> FollowUps)
{
    public const double HighScore = 8;
    public const double MediumScore = 4.5;

    public Confidence Confidence => Score >= HighScore ? Confidence.High : Score >= MediumScore ? Confidence.Medium : Confidence.Low;

    /// <summary>Signatures whose story this hypothesis already tells (e.g. the slow query that exhausted the pool).</summary>
    public IReadOnlyList<string> Subsumes { get; init; } = [];
}
