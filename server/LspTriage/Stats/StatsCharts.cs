using LspTriage.Core.Stats;
using ScottPlot;

namespace LspTriage.Cli.Stats;

/// <summary>PNG charts beside the report: incidents per month by severity (stacked), and mean time to resolve by severity.</summary>
internal static class StatsCharts
{
    public static IReadOnlyList<StatsChart> Write(IncidentStats stats, IReadOnlyList<IncidentSummary> incidents, string directory, string baseName)
    {
        var charts = new List<StatsChart>();
        if (stats.ByMonth.Count > 0)
        {
            charts.Add(new StatsChart("Incidents per month, by severity", Save(PerMonth(stats, incidents), directory, $"{baseName}-incidents-by-month.png")));
        }
        var resolved = stats.BySeverity.Where(g => g.MeanTimeToResolve is not null).ToArray();
        if (resolved.Length > 0)
        {
            charts.Add(new StatsChart("Mean time to detect and resolve, by severity (minutes)", Save(TimesBySeverity(resolved), directory, $"{baseName}-times-by-severity.png")));
        }
        return charts;
    }

    private static Plot PerMonth(IncidentStats stats, IReadOnlyList<IncidentSummary> incidents)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var months = stats.ByMonth.Select(m => m.Key).ToArray();
        var severities = stats.BySeverity.Select(s => s.Key).ToArray();
        var bars = new List<Bar>();
        for (var m = 0; m < months.Length; m++)
        {
            double bottom = 0;
            for (var s = 0; s < severities.Length; s++)
            {
                var count = incidents.Count(i => Month(i) == months[m] && (i.Severity ?? IncidentStats.Unknown) == severities[s]);
                if (count > 0)
                {
                    bars.Add(new Bar { Position = m, ValueBase = bottom, Value = bottom + count, FillColor = palette.GetColor(s) });
                    bottom += count;
                }
            }
        }
        plot.Add.Bars(bars);
        for (var s = 0; s < severities.Length; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = severities[s], FillColor = palette.GetColor(s) });
        }
        Ticks(plot, months);
        plot.Axes.Left.Label.Text = "incidents";
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot TimesBySeverity(IReadOnlyList<GroupStats> groups)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var g = 0; g < groups.Count; g++)
        {
            bars.Add(new Bar { Position = g * 3, Value = groups[g].MeanTimeToDetect?.TotalMinutes ?? 0, FillColor = palette.GetColor(0) });
            bars.Add(new Bar { Position = g * 3 + 1, Value = groups[g].MeanTimeToResolve?.TotalMinutes ?? 0, FillColor = palette.GetColor(1) });
        }
        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "MTTD", FillColor = palette.GetColor(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "MTTR", FillColor = palette.GetColor(1) });
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(groups.Select((g, i) => new Tick(i * 3 + 0.5, g.Key)).ToArray());
        plot.Axes.Left.Label.Text = "minutes";
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void Ticks(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.Select((l, i) => new Tick(i, l)).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 70;
    }

    private static string Month(IncidentSummary incident) =>
        incident.Created?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? IncidentStats.Unknown;

    private static string Save(Plot plot, string directory, string fileName)
    {
        plot.SavePng(Path.Combine(directory, fileName), 900, 420);
        return fileName;
    }
}
