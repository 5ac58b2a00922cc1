namespace LspTriage.Core.Documents.Templates;

/// <summary>
/// A postmortem structure a team writes to: the sections it requires (in the order the template lists them), which
/// present sections stand in for a required one, the headings it uses for them, heading aliases that mean something
/// else here than in other templates, and the headings that give the template away.
/// </summary>
public sealed record TemplateProfile(
    string Id,
    string DisplayName,
    IReadOnlyList<SectionKind> Required,
    IReadOnlyDictionary<SectionKind, SectionKind[]> StandIns,
    IReadOnlyDictionary<SectionKind, string> Headings,
    IReadOnlyDictionary<string, SectionKind> Aliases,
    IReadOnlyList<string> Markers)
{
    /// <summary>Whether list action items must name a priority (P0–P4); tables with a Priority column always must.</summary>
    public bool ExpectsPriority { get; init; }

    /// <summary>Whether open action items must carry a due date or a ticket (the template has a column or asks for a link).</summary>
    public bool ExpectsTracking { get; init; }

    /// <summary>The section kind of a heading or field label under this template.</summary>
    public SectionKind Classify(string heading)
    {
        var key = SectionAliases.Normalize(heading);
        return Aliases.TryGetValue(key, out var kind) ? kind : SectionAliases.ClassifyNormalized(key);
    }

    /// <summary>Whether a present section of kind <paramref name="present"/> fulfils the required kind.</summary>
    public bool Satisfies(SectionKind present, SectionKind required) =>
        present == required || (StandIns.TryGetValue(required, out var standIns) && Array.IndexOf(standIns, present) >= 0);

    /// <summary>The heading this template uses for a kind (the one a quick fix or completion inserts).</summary>
    public string HeadingFor(SectionKind kind, bool chinese) =>
        chinese ? SectionAliases.ChineseHeading(kind) : Headings.TryGetValue(kind, out var heading) ? heading : SectionAliases.EnglishHeading(kind);
}
