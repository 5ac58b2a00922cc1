using System.Net;
using System.Text;
using LspTriage.Core.Stats;

namespace LspTriage.Cli.Stats;

/// <summary>The stats report as one HTML page; every value from the files is encoded.</summary>
internal static class StatsHtml
{
    public static string Render(IncidentStats stats, IReadOnlyList<StatsChart> charts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!doctype html><html><head><meta charset=\"utf-8\"><title>Incident statistics</title>");
        sb.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head><body>");
        sb.AppendLine("<h1>Incident statistics</h1>");
        sb.AppendLine($"<p>{stats.All.Count} incidents. Mean time to detect {StatsMarkdown.Time(stats.All.MeanTimeToDetect)}, to mitigate {StatsMarkdown.Time(stats.All.MeanTimeToMitigate)}, to resolve {StatsMarkdown.Time(stats.All.MeanTimeToResolve)}.</p>");
        foreach (var chart in charts)
        {
            sb.AppendLine($"<figure><img src=\"{E(chart.FileName)}\" alt=\"{E(chart.Title)}\"><figcaption>{E(chart.Title)}</figcaption></figure>");
        }
        Groups(sb, "By severity", "Severity", stats.BySeverity);
        Groups(sb, "By service", "Service", stats.ByService);
        Groups(sb, "By month", "Month", stats.ByMonth);
        sb.AppendLine($"<h2>Repeat incidents (same service or category within {IncidentStats.RepeatWindowDays} days)</h2><table><tr><th>Incident</th><th>Repeats</th><th>Days later</th><th>Shared</th></tr>");
        foreach (var r in stats.Repeats)
        {
            sb.AppendLine($"<tr><td>{Link(r.Later)}</td><td>{Link(r.Earlier)}</td><td>{r.Days}</td><td>{E(r.SharedBy)}</td></tr>");
        }
        sb.AppendLine("</table><h2>Open action items by owner</h2><table><tr><th>Owner</th><th>Open</th><th>Items</th></tr>");
        foreach (var owner in stats.OpenActionsByOwner)
        {
            var items = string.Join("<br>", owner.Items.Select(x => $"{E(x.Item.IssueTitle)} ({Link(x.Incident)})"));
            sb.AppendLine($"<tr><td>{E(owner.Owner)}</td><td>{owner.Items.Count}</td><td>{items}</td></tr>");
        }
        sb.AppendLine("</table></body></html>");
        return sb.ToString();
    }

    private static void Groups(StringBuilder sb, string heading, string keyName, IReadOnlyList<GroupStats> groups)
    {
        sb.AppendLine($"<h2>{heading}</h2><table><tr><th>{keyName}</th><th>Incidents</th><th>MTTD</th><th>MTTM</th><th>MTTR</th></tr>");
        foreach (var g in groups)
        {
            sb.AppendLine($"<tr><td>{E(g.Key)}</td><td>{g.Count}</td><td>{StatsMarkdown.Time(g.MeanTimeToDetect)}</td><td>{StatsMarkdown.Time(g.MeanTimeToMitigate)}</td><td>{StatsMarkdown.Time(g.MeanTimeToResolve)}</td></tr>");
        }
        sb.AppendLine("</table>");
    }

    private static string Link(IncidentSummary incident) => $"<a href=\"{E(incident.Path)}\">{E(incident.Title ?? incident.Path)}</a>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
