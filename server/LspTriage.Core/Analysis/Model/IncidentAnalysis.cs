namespace LspTriage.Core.Analysis.Model;

/// <summary>The whole analysis, one field per section of the seed, in the seed's order.</summary>
public sealed record IncidentAnalysis(
    string Summary,
    SeverityAssessment Severity,
    IReadOnlyList<Hypothesis> Hypotheses,
    IReadOnlyList<ChecklistStep> Checklist,
    IReadOnlyList<MitigationStep> Mitigations,
    string CustomerImpact,
    PostmortemDraft PostmortemDraft,
    IReadOnlyList<FollowUp> FollowUps,
    RunInfo Run);
