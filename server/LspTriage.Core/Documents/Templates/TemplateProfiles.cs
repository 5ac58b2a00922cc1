namespace LspTriage.Core.Documents.Templates;

/// <summary>
/// The templates we know: our own, the Google SRE book's example postmortem, Atlassian's incident handbook and
/// PagerDuty's postmortem template. Their section lists follow the published templates.
/// </summary>
public static class TemplateProfiles
{
    public static readonly TemplateProfile LspTriage = new(
        "lsptriage",
        "LspTriage",
        [SectionKind.Summary, SectionKind.Impact, SectionKind.Timeline, SectionKind.RootCause, SectionKind.Detection, SectionKind.Response, SectionKind.ActionItems],
        new Dictionary<SectionKind, SectionKind[]>
        {
            [SectionKind.ActionItems] = [SectionKind.FollowUps],
            [SectionKind.RootCause] = [SectionKind.ContributingFactors, SectionKind.FiveWhys],
            [SectionKind.Response] = [SectionKind.Recovery],
        },
        new Dictionary<SectionKind, string>(),
        new Dictionary<string, SectionKind>(),
        [])
    {
        ExpectsPriority = true,
    };

    /// <summary>Field lines (<c>**Root Causes:**</c>, <c>**Trigger:**</c>) for the summary part, headings for the rest.</summary>
    public static readonly TemplateProfile GoogleSre = new(
        "google-sre",
        "Google SRE",
        [SectionKind.Summary, SectionKind.Impact, SectionKind.RootCause, SectionKind.Trigger, SectionKind.Mitigation, SectionKind.Detection,
         SectionKind.ActionItems, SectionKind.LessonsLearned, SectionKind.Timeline],
        new Dictionary<SectionKind, SectionKind[]>
        {
            [SectionKind.ActionItems] = [SectionKind.FollowUps],
            [SectionKind.LessonsLearned] = [SectionKind.WhatWentWell, SectionKind.WhatWentPoorly],
        },
        new Dictionary<SectionKind, string>
        {
            [SectionKind.RootCause] = "Root Causes",
            [SectionKind.Mitigation] = "Resolution",
            [SectionKind.ActionItems] = "Action Items",
            [SectionKind.LessonsLearned] = "Lessons Learned",
        },
        new Dictionary<string, SectionKind>(),
        ["trigger", "root causes", "where we got lucky", "supporting information"])
    {
        ExpectsTracking = true,
    };

    /// <summary>Recovery is its own section here (in other templates it is another word for the response).</summary>
    public static readonly TemplateProfile Atlassian = new(
        "atlassian",
        "Atlassian",
        [SectionKind.Summary, SectionKind.Leadup, SectionKind.Fault, SectionKind.Impact, SectionKind.Detection, SectionKind.Response,
         SectionKind.Recovery, SectionKind.Timeline, SectionKind.FiveWhys, SectionKind.ActionItems],
        new Dictionary<SectionKind, SectionKind[]>
        {
            [SectionKind.ActionItems] = [SectionKind.FollowUps],
            [SectionKind.FiveWhys] = [SectionKind.RootCause],
        },
        new Dictionary<SectionKind, string>
        {
            [SectionKind.Summary] = "Incident summary",
            [SectionKind.ActionItems] = "Corrective actions",
        },
        new Dictionary<string, SectionKind>
        {
            ["recovery"] = SectionKind.Recovery,
            ["恢复"] = SectionKind.Recovery,
        },
        ["leadup", "lead-up", "lead up", "fault", "five whys", "5 whys", "recovery", "corrective actions", "incident summary", "backlog check", "recurrence"])
    {
        ExpectsTracking = true,
    };

    public static readonly TemplateProfile PagerDuty = new(
        "pagerduty",
        "PagerDuty",
        [SectionKind.Summary, SectionKind.WhatHappened, SectionKind.ContributingFactors, SectionKind.Mitigation, SectionKind.Impact,
         SectionKind.Responders, SectionKind.Retrospective, SectionKind.ActionItems],
        new Dictionary<SectionKind, SectionKind[]>
        {
            [SectionKind.ActionItems] = [SectionKind.FollowUps],
            [SectionKind.ContributingFactors] = [SectionKind.RootCause],
            [SectionKind.Retrospective] = [SectionKind.WhatWentWell, SectionKind.WhatWentPoorly, SectionKind.LessonsLearned],
        },
        new Dictionary<SectionKind, string>
        {
            [SectionKind.Summary] = "Overview",
            [SectionKind.Mitigation] = "Resolution",
            [SectionKind.Retrospective] = "How'd we do?",
        },
        new Dictionary<string, SectionKind>(),
        ["contributing factors", "responders", "how'd we do", "how’d we do", "how did we do", "what happened", "messaging", "what didn't go so well"])
    {
        ExpectsTracking = true,
    };

    public static IReadOnlyList<TemplateProfile> All { get; } = [LspTriage, GoogleSre, Atlassian, PagerDuty];

    /// <summary>A profile by id or a common name for it ("google", "sre", "pd", "ours"), or null.</summary>
    public static TemplateProfile? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "lsptriage" or "ours" or "default" => LspTriage,
        "google-sre" or "google" or "sre" or "google sre" => GoogleSre,
        "atlassian" => Atlassian,
        "pagerduty" or "pd" => PagerDuty,
        _ => null,
    };
}
