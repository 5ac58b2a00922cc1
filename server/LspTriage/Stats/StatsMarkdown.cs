using System.Text;
using LspTriage.Core.Stats;
using LspTriage.Core.Timelines;

namespace LspTriage.Cli.Stats;

/// <summary>The stats report as markdown tables, with the charts as images beside it.</summary>
internal static class StatsMarkdown
{
    public static string Render(IncidentStats stats, IReadOnlyList<StatsChart> charts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Incident statistics").AppendLine();
        sb.AppendLine($"{stats.All.Count} incidents. Mean time to detect {Time(stats.All.MeanTimeToDetect)}, to mitigate {Time(stats.All.MeanTimeToMitigate)}, to resolve {Time(stats.All.MeanTimeToResolve)} (from the onset; incidents whose timeline lacks the moment are left out of its mean).").AppendLine();
        foreach (var chart in charts)
        {
            sb.AppendLine($"![{chart.Title}]({chart.FileName})").AppendLine();
        }
        Groups(sb, "By severity", "Severity", stats.BySeverity);
        Groups(sb, "By service", "Service", stats.ByService);
        Groups(sb, "By month", "Month", stats.ByMonth);
        sb.AppendLine($"## Repeat incidents (same service or category within {IncidentStats.RepeatWindowDays} days)").AppendLine();
        if (stats.Repeats.Count == 0)
        {
            sb.AppendLine("None.").AppendLine();
        }
        else
        {
            sb.AppendLine("| Incident | Repeats | Days later | Shared |").AppendLine("|---|---|---|---|");
            foreach (var r in stats.Repeats)
            {
                sb.AppendLine($"| {Link(r.Later)} | {Link(r.Earlier)} | {r.Days} | {Cell(r.SharedBy)} |");
            }
            sb.AppendLine();
        }
        sb.AppendLine("## Open action items by owner").AppendLine();
        sb.AppendLine("| Owner | Open | Items |").AppendLine("|---|---|---|");
        foreach (var owner in stats.OpenActionsByOwner)
        {
            var items = string.Join("<br>", owner.Items.Select(x => $"{Cell(x.Item.IssueTitle)} ({Link(x.Incident)})"));
            sb.AppendLine($"| {Cell(owner.Owner)} | {owner.Items.Count} | {items} |");
        }
        return sb.ToString();
    }

    private static void Groups(StringBuilder sb, string heading, string keyName, IReadOnlyList<GroupStats> groups)
    {
        sb.AppendLine($"## {heading}").AppendLine();
        sb.AppendLine($"| {keyName} | Incidents | MTTD | MTTM | MTTR |").AppendLine("|---|---|---|---|---|");
        foreach (var g in groups)
        {
            sb.AppendLine($"| {Cell(g.Key)} | {g.Count} | {Time(g.MeanTimeToDetect)} | {Time(g.MeanTimeToMitigate)} | {Time(g.MeanTimeToResolve)} |");
        }
        sb.AppendLine();
    }

    public static string Time(TimeSpan? span) => span is { } s ? IncidentMetrics.Short(s) : "—";

    private static string Link(IncidentSummary incident) => $"[{Cell(incident.Title ?? incident.Path)}]({incident.Path.Replace(" ", "%20", StringComparison.Ordinal)})";

    /// <summary>Table cells cannot hold a pipe or a line break.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
