using System.Text.Json;
using LspTriage.Cli.Reporting;
using LspTriage.Core.Stats;

namespace LspTriage.Cli.Stats;

/// <summary>The stats report as JSON; mean durations in minutes, left out where no incident had the moment.</summary>
internal static class StatsJson
{
    public static string Render(IncidentStats stats) => JsonSerializer.Serialize(new
    {
        incidents = stats.All.Count,
        meanMinutes = Minutes(stats.All),
        bySeverity = stats.BySeverity.Select(Group),
        byService = stats.ByService.Select(Group),
        byMonth = stats.ByMonth.Select(Group),
        repeats = stats.Repeats.Select(r => new { incident = r.Later.Path, repeats = r.Earlier.Path, days = r.Days, shared = r.SharedBy }),
        openActionsByOwner = stats.OpenActionsByOwner.Select(o => new { owner = o.Owner, open = o.Items.Count, items = o.Items.Select(x => new { task = x.Item.Task, priority = x.Item.Priority, due = x.Item.Due, file = x.Incident.Path, line = x.Item.Line }) }),
    }, JsonOptions.Indented);

    private static object Group(GroupStats g) => new { key = g.Key, incidents = g.Count, meanMinutes = Minutes(g) };

    private static object Minutes(GroupStats g) => new
    {
        detect = Round(g.MeanTimeToDetect),
        mitigate = Round(g.MeanTimeToMitigate),
        resolve = Round(g.MeanTimeToResolve),
    };

    private static double? Round(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;
}
