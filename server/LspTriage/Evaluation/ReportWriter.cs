using System.Globalization;
using System.Text;
using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>
/// report.md: the scores by combination (best per metric marked), by input form and by scenario language, the
/// per-scenario matrix, failed runs, scenario problems, the metric definitions, and the chart beside it.
/// </summary>
internal static class ReportWriter
{
    public const string FileName = "report.md";

    public static string Write(EvalReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var chart = ChartWriter.Write(report.ByCombination, directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Render(report, chart is null ? null : Path.GetFileName(chart)), new UTF8Encoding(false));
        return path;
    }

    public static string Render(EvalReport report, string? chartFile)
    {
        var sb = new StringBuilder();
        var combinations = report.ByCombination;
        var repeats = report.Results.Count == 0 ? 0 : report.Results.Max(r => r.Repeat);
        sb.AppendLine("# LspTriage eval").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{report.Scenarios.Count} scenarios × {combinations.Count} combinations × {repeats} repeats = {report.Results.Count} runs, {report.Results.Count(r => r.Failed)} failed. Wall time {report.WallTime.TotalSeconds:0.0}s.").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Command: `{report.CommandLine}`").AppendLine();
        if (chartFile is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"![Main scores by combination]({chartFile})").AppendLine();
        }

        sb.AppendLine("## By combination").AppendLine();
        sb.AppendLine("Combination is provider/model/prompt/language (`-`: not used by that provider; `auto`: each scenario's own language). **★** marks the best combination per metric.").AppendLine();
        sb.AppendLine(CombinationTable(report)).AppendLine();

        sb.AppendLine("## By input form").AppendLine();
        foreach (var combination in combinations)
        {
            if (combinations.Count > 1)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"### {combination.Label}").AppendLine();
            }
            sb.AppendLine(Table("Form", EvalGroup.By(combination.Runs, r => r.Form).OrderBy(g => Array.IndexOf([.. Scenario.Forms], g.Label)).ToList(), markBest: false)).AppendLine();
        }

        sb.AppendLine("## By scenario language").AppendLine();
        foreach (var combination in combinations)
        {
            if (combinations.Count > 1)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"### {combination.Label}").AppendLine();
            }
            sb.AppendLine(Table("Language", EvalGroup.By(combination.Runs, r => r.ScenarioLang).OrderBy(g => g.Label, StringComparer.Ordinal).ToList(), markBest: false)).AppendLine();
        }

        sb.AppendLine("## Per scenario").AppendLine();
        sb.AppendLine("T: top-1 category (✓ right, ◐ only in the top 3, ✗ wrong, with what came first), C: names the cause, E: evidence recall, S: severity, ⚠: the run failed. One entry per repeat.").AppendLine();
        sb.AppendLine(Matrix(report)).AppendLine();

        var failures = report.Results.Where(r => r.Failed).ToList();
        if (failures.Count > 0)
        {
            sb.AppendLine("## Failed runs").AppendLine();
            sb.AppendLine("| Scenario | Combination | Repeat | Error |").AppendLine("|---|---|---|---|");
            foreach (var f in failures)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {f.Scenario} | {f.Combination.Key} | {f.Repeat} | {Cell($"{f.ErrorKind}: {f.Error}")} |");
            }
            sb.AppendLine();
        }
        if (report.Problems.Count > 0)
        {
            sb.AppendLine("## Scenario files with problems (not run)").AppendLine();
            foreach (var p in report.Problems)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {Cell(p)}");
            }
            sb.AppendLine();
        }

        sb.AppendLine("## Metrics").AppendLine();
        sb.AppendLine("A failed run counts as 0 on every rate; counts, latency, tokens and cost are over completed runs.").AppendLine();
        foreach (var m in EvalMetric.All)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- **{m.Name}** (`{m.Id}`, {(m.HigherIsBetter ? "higher" : "lower")} is better{(m.Gated ? ", gated by --compare" : "")}): {m.Definition}");
        }
        return sb.ToString();
    }

    /// <summary>The by-combination table, also printed on the console at the end of an eval.</summary>
    public static string CombinationTable(EvalReport report) => Table("Combination", report.ByCombination, markBest: true);

    private static string Table(string firstColumn, IReadOnlyList<EvalGroup> groups, bool markBest)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {firstColumn} | Runs | {string.Join(" | ", EvalMetric.All.Select(m => m.Name))} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"|---|--:|{string.Join("|", EvalMetric.All.Select(_ => "--:"))}|");
        var best = EvalMetric.All.ToDictionary(m => m.Id, m => markBest ? EvalGroup.Best(groups, m) : new HashSet<string>());
        foreach (var g in groups)
        {
            var cells = EvalMetric.All.Select(m =>
            {
                if (g.Mean(m) is not { } v)
                {
                    return "n/a";
                }
                var text = m.Format(v);
                return best[m.Id].Contains(g.Label) ? $"**{text}** ★" : text;
            });
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {g.Label} | {g.Runs.Count} | {string.Join(" | ", cells)} |");
        }
        return sb.ToString().TrimEnd();
    }

    private static string Matrix(EvalReport report)
    {
        var combinations = report.ByCombination.Select(g => g.Label).ToList();
        var runs = report.Results.ToLookup(r => (r.Scenario, r.Combination.Key));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| Scenario | Form | Lang | Expected | {string.Join(" | ", combinations)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"|---|---|---|---|{string.Join("|", combinations.Select(_ => "---"))}|");
        foreach (var s in report.Scenarios)
        {
            var cells = combinations.Select(c => string.Join(" / ", runs[(s.Id, c)].OrderBy(r => r.Repeat).Select(RunCell)));
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(s.Id)} | {s.Form} | {(s.Language == Core.Analysis.AnalysisLanguage.Chinese ? "zh" : "en")} | {s.ExpectCategory} {s.ExpectSeverity} | {string.Join(" | ", cells)} |");
        }
        return sb.ToString().TrimEnd();
    }

    private static string RunCell(EvalResult r)
    {
        if (r.Failed)
        {
            return $"⚠ {r.ErrorKind}";
        }
        var top = r.Top1 ? "T✓" : r.Top3 ? $"T◐ {r.Category}" : $"T✗ {r.Category}";
        var cause = r.NamesCause is { } c ? $" C{(c ? "✓" : "✗")}" : "";
        var evidence = r.EvidenceRecall is { } e ? $" E{e * 100:0}%" : "";
        return $"{top}{cause}{evidence} S{(r.SeverityMatch ? "✓" : $"✗ {r.Severity}")}";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
