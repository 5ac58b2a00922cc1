using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Timelines;

/// <summary>
/// Finds the incident's moments. Front matter <c>started</c>, <c>detected</c>, <c>mitigated</c>, <c>resolved</c>
/// (ISO 8601) win; then entries with an explicit marker; then, in timeline order, the first entry whose words say it:
/// the onset (else the first entry that is not a deploy or other change), the detection after it, the mitigation after that, the resolution after that.
/// </summary>
public static class IncidentMetricsReader
{
    private static readonly (IncidentMoment Moment, string Key)[] FrontMatterKeys =
    [
        (IncidentMoment.Onset, "started"), (IncidentMoment.Detection, "detected"), (IncidentMoment.Mitigation, "mitigated"), (IncidentMoment.Resolution, "resolved"),
    ];

    public static IncidentMetrics Read(IncidentDocument document)
    {
        var placed = EntryClock.Place(document, TimelineZone.Of(document))
            .Where(p => p.At is not null && p.Entry.SectionIndex >= 0 && !document.Sections[p.Entry.SectionIndex].IsGenerated)
            .Select(p => (p.Entry, At: p.At!.Value))
            .OrderBy(p => p.At)
            .ToList();
        var marks = new Dictionary<IncidentMoment, MomentMark>();
        foreach (var (moment, key) in FrontMatterKeys)
        {
            if (document.FrontMatter[key] is { } value && CreatedDate.TryParse(value, out var at))
            {
                marks[moment] = new MomentMark(moment, at, null, $"front matter {key}:");
            }
        }
        foreach (var (entry, at) in placed)
        {
            if (MomentMarkers.Explicit(entry.Description) is { } moment && !marks.ContainsKey(moment))
            {
                marks[moment] = new MomentMark(moment, at, entry, "marked");
            }
        }
        var after = DateTimeOffset.MinValue;
        var used = new HashSet<TimelineEntry>(marks.Values.Select(m => m.Entry).OfType<TimelineEntry>());
        foreach (var moment in Enum.GetValues<IncidentMoment>())
        {
            if (marks.TryGetValue(moment, out var known))
            {
                after = known.At;
                continue;
            }
            foreach (var (entry, at) in placed.Where(p => p.At >= after && !used.Contains(p.Entry)))
            {
                if (MomentMarkers.Keyword(moment, entry.Description) is { } word)
                {
                    marks[moment] = new MomentMark(moment, at, entry, $"\"{word}\"");
                    used.Add(entry);
                    after = at;
                    break;
                }
            }
            if (moment == IncidentMoment.Onset && !marks.ContainsKey(moment) && placed.Count > 0)
            {
                // The change that triggered the incident usually comes first; the impact starts with what follows it.
                var (entry, at) = placed.FirstOrDefault(p => !MomentMarkers.IsChange(p.Entry.Description), placed[0]);
                marks[moment] = new MomentMark(moment, at, entry, entry == placed[0].Entry ? "first entry" : "first entry after the change");
                used.Add(entry);
                after = at;
            }
        }
        return new IncidentMetrics(marks);
    }
}
