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
    public Confidence Confidence => Score >= 8 ? Confidence.High : Score >= 4.5 ? Confidence.Medium : Confidence.Low;
}
