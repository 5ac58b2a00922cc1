namespace LspTriage.Core.Checks;

/// <summary>Every rule this tool reports. Codes are stable: users filter and suppress by them.</summary>
public static class Rules
{
    public static readonly CheckRule Placeholder = new("LT001", "unfilled-placeholder", FindingSeverity.Warning,
        "A placeholder such as [FILL IN], [TODO], TBD or [待填写] is still in the document.");

    public static readonly CheckRule MissingSection = new("LT002", "missing-section", FindingSeverity.Error,
        "A postmortem lacks a required section (Summary, Impact, Timeline, Root cause, Detection, Response, Action items).");

    public static readonly CheckRule EmptySection = new("LT003", "empty-section", FindingSeverity.Warning,
        "A required postmortem section has a heading but no content.");

    public static readonly CheckRule TimelineOrder = new("LT004", "timeline-order", FindingSeverity.Warning,
        "A timeline entry is earlier than the entry before it.");

    public static readonly CheckRule TimelineTime = new("LT005", "timeline-time", FindingSeverity.Warning,
        "A timeline entry does not start with a time that can be read.");

    public static readonly CheckRule ActionItemOwner = new("LT006", "action-item-owner", FindingSeverity.Warning,
        "An action item or follow-up names no owner.");

    public static readonly CheckRule ActionItemPriority = new("LT007", "action-item-priority", FindingSeverity.Warning,
        "An action item or follow-up has no priority (P0–P4).");

    public static readonly CheckRule DuplicateSection = new("LT008", "duplicate-section", FindingSeverity.Warning,
        "The same section appears twice at the same level.");

    public static readonly CheckRule Severity = new("LT009", "unknown-severity", FindingSeverity.Error,
        "The front matter severity is not one of SEV1–SEV5.");

    public static readonly CheckRule CreatedDate = new("LT010", "unreadable-created", FindingSeverity.Error,
        "The front matter created date cannot be read as an ISO 8601 date or time.");

    public static readonly CheckRule Unreadable = new("LT013", "unreadable-document", FindingSeverity.Error,
        "The document cannot be read as markdown (binary content, or a parser failure).");

    public static readonly CheckRule Unsupported = new("LT020", "unsupported-claim", FindingSeverity.Warning,
        "Generated text states a number, time, version or quoted error that the raw incident context does not contain.");

    public static readonly CheckRule RepeatIncident = new("LT030", "repeat-incident", FindingSeverity.Information,
        "A similar past incident happened within 30 days before this one and its action items are still open.");

    public static readonly CheckRule BlameLanguage = new("LT031", "blame-language", FindingSeverity.Warning,
        "A root cause blames people (\"human error\", a person named as the cause) instead of the conditions that let the mistake happen.");

    public static readonly CheckRule ImpactNumber = new("LT032", "impact-without-number", FindingSeverity.Warning,
        "An impact section states no number: users, requests, duration, money.");

    public static readonly CheckRule VagueActionItem = new("LT033", "vague-action-item", FindingSeverity.Information,
        "An open action item is vague (\"improve monitoring\", \"be more careful\") or has neither a due date nor a ticket link.");

    public static readonly CheckRule NotUtf8 = new("LT090", "not-utf8", FindingSeverity.Error,
        "The file is not valid UTF-8; it was not checked.");

    public static IReadOnlyList<CheckRule> All { get; } =
        [Placeholder, MissingSection, EmptySection, TimelineOrder, TimelineTime, ActionItemOwner, ActionItemPriority,
         DuplicateSection, Severity, CreatedDate, Unreadable, Unsupported, RepeatIncident, BlameLanguage, ImpactNumber, VagueActionItem, NotUtf8];
}
