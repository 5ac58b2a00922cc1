using LspTriage.Core.Evaluation;
using ScottPlot;

namespace LspTriage.Cli.Evaluation;

/// <summary>chart.png beside the report: the rate metrics as grouped bars, one colour per combination.</summary>
internal static class ChartWriter
{
    public const string FileName = "chart.png";

    /// <summary>Writes the chart and returns its path; null when there is nothing to draw.</summary>
    public static string? Write(IReadOnlyList<EvalGroup> combinations, string directory)
    {
        var metrics = EvalMetric.All.Where(m => m.IsRate).ToList();
        if (combinations.Count == 0)
        {
            return null;
        }
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var slot = combinations.Count + 1;
        var bars = new List<Bar>();
        for (var c = 0; c < combinations.Count; c++)
        {
            for (var m = 0; m < metrics.Count; m++)
            {
                if (combinations[c].Mean(metrics[m]) is { } value)
                {
                    bars.Add(new Bar { Position = m * slot + c, Value = value * 100, FillColor = palette.GetColor(c) });
                }
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = combinations[c].Label, FillColor = palette.GetColor(c) });
        }
        plot.Add.Bars(bars);
        var ticks = metrics.Select((m, i) => new Tick(i * slot + (combinations.Count - 1) / 2.0, m.Name)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -25;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        // Room for the slanted metric names under the axis.
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.Margins(left: 0.04, right: 0.04);
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Left.Label.Text = "% of runs";
        plot.Title("Main scores by combination");
        plot.ShowLegend(Alignment.UpperRight);
        var path = Path.Combine(directory, FileName);
        plot.SavePng(path, 1000, 520);
        return path;
    }
}
