using System.Text.Json;
using LspTriage.Cli.Reporting;
using LspTriage.Core.Stats;

namespace LspTriage.Cli.Stats;

/// <summary>The stats report as JSON; mean durations in minutes, left out where no incident had the moment.</summary>
internal static class StatsJson
{
    public static string Render(IncidentStats stats) => JsonSerializer.Serialize(new StatsReportJson(
        Incidents: stats.All.Count,
        MeanMinutes: Minutes(stats.All),
        BySeverity: [.. stats.BySeverity.Select(Group)],
        ByService: [.. stats.ByService.Select(Group)],
        ByMonth: [.. stats.ByMonth.Select(Group)],
        Repeats: [.. stats.Repeats.Select(r => new RepeatJson(r.Later.Path, r.Earlier.Path, r.Days, r.SharedBy))],
        OpenActionsByOwner: [.. stats.OpenActionsByOwner.Select(o => new OwnerActionsJson(
            o.Owner,
            o.Items.Count,
            [.. o.Items.Select(x => new OpenItemJson(x.Item.Task, x.Item.Priority, x.Item.Due, x.Incident.Path, x.Item.Line))]))]),
        CliJson.Readable.StatsReportJson);

    private static GroupJson Group(GroupStats g) => new(g.Key, g.Count, Minutes(g));

    private static MeanMinutesJson Minutes(GroupStats g) =>
        new(Round(g.MeanTimeToDetect), Round(g.MeanTimeToMitigate), Round(g.MeanTimeToResolve));

    private static double? Round(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;
}

internal sealed record StatsReportJson(
    int Incidents,
    MeanMinutesJson MeanMinutes,
    IReadOnlyList<GroupJson> BySeverity,
    IReadOnlyList<GroupJson> ByService,
    IReadOnlyList<GroupJson> ByMonth,
    IReadOnlyList<RepeatJson> Repeats,
    IReadOnlyList<OwnerActionsJson> OpenActionsByOwner);

internal sealed record MeanMinutesJson(double? Detect, double? Mitigate, double? Resolve);

internal sealed record GroupJson(string Key, int Incidents, MeanMinutesJson MeanMinutes);

internal sealed record RepeatJson(string Incident, string Repeats, int Days, string Shared);

internal sealed record OwnerActionsJson(string Owner, int Open, IReadOnlyList<OpenItemJson> Items);

internal sealed record OpenItemJson(string Task, string? Priority, DateOnly? Due, string File, int Line);
