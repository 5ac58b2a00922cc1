using LspTriage.Core.Documents;

namespace LspTriage.Core.Authoring;

/// <summary>What one past incident contributes to <see cref="AuthoringHistory"/>: itself, its service, its owners.</summary>
public sealed record IncidentFacts(PastIncident Incident, string? Service, IReadOnlyList<string> Owners)
{
    public static IncidentFacts Read(string path, IncidentDocument document)
    {
        var id = document.FrontMatter["id"] ?? Path.GetFileNameWithoutExtension(path);
        var owners = document.ActionItems.Select(a => a.Owner).OfType<string>().Where(IsName)
            .Concat(document.FrontMatter["owner"] is { } owner ? [owner] : [])
            .ToArray();
        return new IncidentFacts(new PastIncident(id, document.Title ?? id, path), document.Service, owners);
    }

    /// <summary>Merges many incidents' facts: names ordered by how often they occur, then alphabetically.</summary>
    public static AuthoringHistory Merge(IEnumerable<IncidentFacts> facts)
    {
        var all = facts.ToList();
        return new AuthoringHistory(
            ByFrequency(all.Select(f => f.Service).OfType<string>()),
            ByFrequency(all.SelectMany(f => f.Owners)),
            all.Select(f => f.Incident).OrderBy(i => i.Title, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private static string[] ByFrequency(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToArray();

    /// <summary>An owner worth suggesting: short, not a placeholder.</summary>
    private static bool IsName(string owner) => owner.Length <= 40 && !owner.Contains('[', StringComparison.Ordinal) && owner != "TBD";
}
