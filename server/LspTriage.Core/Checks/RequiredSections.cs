using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>The sections a postmortem must have, in the order we insert them.</summary>
public static class RequiredSections
{
    public static IReadOnlyList<SectionKind> Postmortem { get; } =
    [
        SectionKind.Summary, SectionKind.Impact, SectionKind.Timeline, SectionKind.RootCause,
        SectionKind.Detection, SectionKind.Response, SectionKind.ActionItems,
    ];

    /// <summary>Follow-ups satisfy "Action items": teams use either name.</summary>
    public static bool Satisfies(SectionKind present, SectionKind required) =>
        present == required || (required == SectionKind.ActionItems && present == SectionKind.FollowUps);

    /// <summary>The user's (not generated) sections that can stand for a required kind.</summary>
    public static IEnumerable<Section> Find(IncidentDocument document, SectionKind required) =>
        document.Sections.Where(s => !s.IsGenerated && Satisfies(s.Kind, required));

    /// <summary>True when the document's headings are written in Chinese, so inserted headings should be too.</summary>
    public static bool IsChinese(IncidentDocument document) =>
        document.Sections.Any(s => s.Heading.Any(c => c is >= '\u4e00' and <= '\u9fff'));
}
