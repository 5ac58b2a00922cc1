using LspTriage.Core.Documents.Templates;

namespace LspTriage.Core.Documents;

/// <summary>
/// Decides whether a file is an incident, a postmortem, or not ours. Front matter <c>kind:</c> wins; then the configured
/// globs; a document without a path (the CLI given a file explicitly, tests) is classified by its content.
/// </summary>
internal static class DocumentClassifier
{
    private static readonly SectionKind[] PostmortemMarkers =
        [SectionKind.Timeline, SectionKind.RootCause, SectionKind.Impact, SectionKind.ActionItems, SectionKind.Detection];

    public static DocumentKind Classify(string? path, FrontMatter frontMatter, IReadOnlyList<Section> sections, DocumentOptions options, TemplateProfile? template = null)
    {
        switch (frontMatter["kind"]?.ToLowerInvariant())
        {
            case "incident":
                return DocumentKind.Incident;
            case "postmortem" or "post-mortem":
                return DocumentKind.Postmortem;
        }
        if (path is null)
        {
            return ByContent(sections, template ?? TemplateProfiles.LspTriage);
        }
        if (options.PostmortemMatchers.Any(g => g.IsMatch(path)))
        {
            return DocumentKind.Postmortem;
        }
        if (options.IncidentMatchers.Any(g => g.IsMatch(path)))
        {
            return DocumentKind.Incident;
        }
        return DocumentKind.NotOurs;
    }

    /// <summary>
    /// Classifies a file the user named explicitly: by content, since no glob chose it. Three of our postmortem
    /// sections, or three of its template's required ones, make a postmortem.
    /// </summary>
    public static DocumentKind ByContent(IReadOnlyList<Section> sections, TemplateProfile template)
    {
        var userSections = sections.Where(s => !s.IsGenerated).Select(s => s.Kind).ToHashSet();
        var templateSections = template.Required.Count(r => userSections.Any(present => template.Satisfies(present, r)));
        if (!userSections.Contains(SectionKind.RawContext) && (PostmortemMarkers.Count(userSections.Contains) >= 3 || (template != TemplateProfiles.LspTriage && templateSections >= 3)))
        {
            return DocumentKind.Postmortem;
        }
        return DocumentKind.Incident;
    }
}
