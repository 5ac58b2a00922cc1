namespace LspTriage.Cli.Stats;

/// <summary>A chart written beside the report: its title and file name (relative to the report).</summary>
internal sealed record StatsChart(string Title, string FileName);
