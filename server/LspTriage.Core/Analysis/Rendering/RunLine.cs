using System.Globalization;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Rendering;

/// <summary>The seed's run line: <c>deepseek-chat · prompt v2 · output: en · 10567 ms · 1739↑ / 1480↓ tok · $0.00210</c>.</summary>
public static class RunLine
{
    public static string Format(RunInfo run)
    {
        var parts = new List<string> { run.Model };
        if (run.PromptVersion != "none")
        {
            parts.Add($"prompt {run.PromptVersion}");
        }
        parts.Add($"output: {run.Language}");
        parts.Add($"{run.LatencyMs.ToString(CultureInfo.InvariantCulture)} ms");
        parts.Add($"{run.InputTokens.ToString(CultureInfo.InvariantCulture)}↑ / {run.OutputTokens.ToString(CultureInfo.InvariantCulture)}↓ tok");
        parts.Add(run.Cost is { } c ? "$" + c.ToString("0.00000", CultureInfo.InvariantCulture) : "cost n/a");
        if (run.Redactions.Count > 0)
        {
            parts.Add("redacted: " + string.Join(", ", run.Redactions));
        }
        return string.Join(" · ", parts);
    }
}
