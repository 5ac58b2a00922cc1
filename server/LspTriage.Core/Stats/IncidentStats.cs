namespace LspTriage.Core.Stats;

/// <summary>Counts and mean times of a group of incidents (one severity, service or month). Means skip incidents without the moment.</summary>
public sealed record GroupStats(string Key, int Count, TimeSpan? MeanTimeToDetect, TimeSpan? MeanTimeToMitigate, TimeSpan? MeanTimeToResolve);

/// <summary>Two incidents of the same service or category within <see cref="IncidentStats.RepeatWindowDays"/> days of each other.</summary>
public sealed record RepeatIncident(IncidentSummary Earlier, IncidentSummary Later, int Days, string SharedBy);

/// <summary>An owner and the open action items that name them (items without an owner under <see cref="IncidentStats.NoOwner"/>).</summary>
public sealed record OwnerActions(string Owner, IReadOnlyList<(IncidentSummary Incident, Actions.OpenActionItem Item)> Items);

/// <summary>The statistics <c>lsptriage stats</c> prints, built from incident summaries.</summary>
public sealed record IncidentStats(
    GroupStats All,
    IReadOnlyList<GroupStats> BySeverity,
    IReadOnlyList<GroupStats> ByService,
    IReadOnlyList<GroupStats> ByMonth,
    IReadOnlyList<RepeatIncident> Repeats,
    IReadOnlyList<OwnerActions> OpenActionsByOwner)
{
    public const int RepeatWindowDays = 30;
    public const string NoOwner = "(no owner)";
    public const string Unknown = "(unknown)";

    public static IncidentStats Build(IReadOnlyList<IncidentSummary> incidents)
    {
        var all = Group("all", incidents);
        var bySeverity = incidents.GroupBy(i => i.Severity ?? Unknown).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.ToArray())).ToArray();
        var byService = incidents.GroupBy(i => i.Service ?? Unknown).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.ToArray())).ToArray();
        var byMonth = incidents.GroupBy(i => i.Created?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? Unknown).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.ToArray())).ToArray();
        var owners = incidents.SelectMany(i => i.OpenActions.Select(a => (Incident: i, Item: a)))
            .GroupBy(x => x.Item.Owner ?? NoOwner, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OwnerActions(g.Key, g.ToArray()))
            .OrderByDescending(o => o.Items.Count).ThenBy(o => o.Owner, StringComparer.Ordinal)
            .ToArray();
        return new IncidentStats(all, bySeverity, byService, byMonth, FindRepeats(incidents), owners);
    }

    private static GroupStats Group(string key, IReadOnlyList<IncidentSummary> incidents) =>
        new(key, incidents.Count, Mean(incidents.Select(i => i.TimeToDetect)), Mean(incidents.Select(i => i.TimeToMitigate)), Mean(incidents.Select(i => i.TimeToResolve)));

    private static TimeSpan? Mean(IEnumerable<TimeSpan?> spans)
    {
        var known = spans.OfType<TimeSpan>().ToArray();
        return known.Length == 0 ? null : TimeSpan.FromTicks((long)known.Average(s => s.Ticks));
    }

    /// <summary>Each incident against the latest earlier one it shares a service or category with, when that is within the window.</summary>
    private static RepeatIncident[] FindRepeats(IReadOnlyList<IncidentSummary> incidents)
    {
        var dated = incidents.Where(i => i.Created is not null).OrderBy(i => i.Created).ToArray();
        var repeats = new List<RepeatIncident>();
        for (var i = 0; i < dated.Length; i++)
        {
            for (var j = i - 1; j >= 0; j--)
            {
                var days = (dated[i].Created!.Value - dated[j].Created!.Value).TotalDays;
                if (days > RepeatWindowDays)
                {
                    break;
                }
                var shared = Same(dated[i].Category, dated[j].Category) ? $"category {dated[i].Category}"
                    : Same(dated[i].Service, dated[j].Service) ? $"service {dated[i].Service}" : null;
                if (shared is not null)
                {
                    repeats.Add(new RepeatIncident(dated[j], dated[i], (int)Math.Floor(days), shared));
                    break;
                }
            }
        }
        return repeats.ToArray();
    }

    private static bool Same(string? a, string? b) => a is { Length: > 0 } && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
