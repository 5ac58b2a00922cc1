namespace LspTriage.Core.Documents.Templates;

/// <summary>
/// Chooses the template a document follows: front matter <c>template:</c> first (the author said so), then the
/// configured one, then the headings and field labels: the template with the most of its give-away headings wins,
/// with at least two, so one stray "Trigger" heading does not switch a document to another template.
/// </summary>
internal static class TemplateDetector
{
    private const int MinimumMarkers = 2;

    public static TemplateProfile Detect(FrontMatter frontMatter, string? configured, IEnumerable<string> labels)
    {
        if (TemplateProfiles.Find(frontMatter["template"]) is { } named)
        {
            return named;
        }
        if (TemplateProfiles.Find(configured) is { } setting)
        {
            return setting;
        }
        var present = labels.Select(SectionAliases.Normalize).ToHashSet(StringComparer.Ordinal);
        TemplateProfile best = TemplateProfiles.LspTriage;
        var bestScore = MinimumMarkers - 1;
        foreach (var profile in TemplateProfiles.All)
        {
            var score = profile.Markers.Count(present.Contains);
            if (score > bestScore)
            {
                best = profile;
                bestScore = score;
            }
        }
        return best;
    }
}
