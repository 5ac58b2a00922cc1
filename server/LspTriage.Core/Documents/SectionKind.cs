namespace LspTriage.Core.Documents;

/// <summary>The recognised meaning of a section heading (see <see cref="SectionAliases"/>).</summary>
public enum SectionKind
{
    Other,
    RawContext,
    Summary,
    Severity,
    Impact,
    CustomerImpact,
    Timeline,
    RootCause,
    RootCauseHypotheses,
    InvestigationChecklist,
    Mitigation,
    Detection,
    Response,
    WhatWentWell,
    WhatWentPoorly,
    LessonsLearned,
    ActionItems,
    FollowUps,
    PostmortemDraft,
    SimilarIncidents,
}
