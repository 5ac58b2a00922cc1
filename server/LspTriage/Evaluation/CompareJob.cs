using System.Globalization;
using System.Text;
using LspTriage.Cli.Cli;
using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>
/// <c>lsptriage eval --compare OLD NEW</c>: what got better and worse per metric and per scenario. Exit 1 when a gated
/// metric worsened by more than its threshold, or when there is nothing to compare (an empty eval must not pass a gate).
/// </summary>
internal static class CompareJob
{
    public static async Task<int> RunAsync(string oldPath, string newPath, CompareThresholds thresholds, CliIo io)
    {
        var before = Load(oldPath);
        var after = Load(newPath);
        foreach (var (path, contents) in new[] { (oldPath, before), (newPath, after) })
        {
            if (contents.UnreadableLines > 0)
            {
                await io.Error.WriteLineAsync($"lsptriage eval: {path}: {contents.UnreadableLines} unreadable lines skipped").ConfigureAwait(false);
            }
        }
        var comparison = EvalComparison.Compare(before.Results, after.Results, thresholds);
        await io.Out.WriteAsync(Render(comparison, oldPath, newPath)).ConfigureAwait(false);
        if (comparison.ComparedRuns == 0)
        {
            await io.Error.WriteLineAsync("lsptriage eval: no run of an unchanged scenario is in both evals; nothing to compare.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        return comparison.HasRegression ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>An eval folder (its results.jsonl) or a results file itself.</summary>
    private static ResultsFile.Contents Load(string path) =>
        ResultsFile.Load(Directory.Exists(path) ? Path.Combine(path, ResultsFile.FileName) : path);

    public static string Render(EvalComparison c, string oldPath, string newPath)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Comparing {oldPath} (before) with {newPath} (after): {c.ComparedRuns} runs of unchanged scenarios in both.");
        if (c.Added.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"New scenarios, not compared: {string.Join(", ", c.Added)}");
        }
        if (c.Removed.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Scenarios no longer run, not compared: {string.Join(", ", c.Removed)}");
        }
        if (c.Edited.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Scenarios whose file changed, not compared: {string.Join(", ", c.Edited)}");
        }
        foreach (var combination in c.Metrics.GroupBy(m => m.Combination))
        {
            sb.AppendLine().AppendLine(combination.Key);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {"metric",-20} {"before",9} {"after",9}  verdict");
            foreach (var m in combination)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {m.Metric.Name,-20} {m.Metric.Format(m.Before),9} {m.Metric.Format(m.After),9}  {Verdict(m)}");
            }
        }
        var moved = c.Scenarios;
        sb.AppendLine().AppendLine(moved.Count == 0 ? "Per scenario: no quality metric moved." : "Per scenario:");
        foreach (var s in moved)
        {
            var parts = s.Changes.Select(m => $"{m.Metric.Id} {m.Metric.Format(m.Before)} → {m.Metric.Format(m.After)} ({(m.Worsening > 0 ? "worse" : "better")})");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Scenario} [{s.Combination}]: {string.Join(", ", parts)}");
        }
        var regressions = c.Metrics.Where(m => m.IsRegression).ToList();
        sb.AppendLine().AppendLine(regressions.Count == 0
            ? "No metric worsened by more than its threshold."
            : $"WORSE beyond the threshold: {string.Join(", ", regressions.Select(m => $"{m.Metric.Id} [{m.Combination}]"))}");
        return sb.ToString();
    }

    private static string Verdict(MetricChange m)
    {
        if (Math.Abs(m.After - m.Before) < 1e-9)
        {
            return "same";
        }
        var direction = m.Worsening > 0 ? "worse" : "better";
        return m.IsRegression
            ? $"WORSE by more than {m.Metric.Format(m.Threshold!.Value).TrimEnd('%')}{(m.Metric.IsRate ? " points" : "")}"
            : direction;
    }
}
