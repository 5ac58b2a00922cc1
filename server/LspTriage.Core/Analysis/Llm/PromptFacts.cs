using System.Text;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Signatures;

namespace LspTriage.Core.Analysis.Llm;

/// <summary>The offline analyzer's findings as compact bullet lines for the prompt.</summary>
internal static class PromptFacts
{
    public static string Format(ContextFacts f, IReadOnlyList<SignatureMatch> ranked)
    {
        var sb = new StringBuilder();
        if (f.Services.Count > 0)
        {
            sb.Append("- Services named: ").Append(string.Join(", ", f.Services)).Append('\n');
        }
        foreach (var (from, to) in f.Dependencies)
        {
            sb.Append("- Dependency: ").Append(from).Append(" → ").Append(to).Append('\n');
        }
        if (f.OnsetTimeText is { } onset)
        {
            sb.Append("- Symptom onset: ").Append(onset).Append(f.ZoneSuffix).Append('\n');
        }
        foreach (var e in f.KeyTimeline())
        {
            sb.Append("- Timeline ").Append(e.TimeText).Append(" [").Append(e.Kind.ToString().ToLowerInvariant()).Append("]: ").Append(e.Clause.Text).Append('\n');
        }
        foreach (var m in f.MetricChanges.Take(20))
        {
            sb.Append("- Metric change: ").Append(m.Quote).Append('\n');
        }
        foreach (var c in f.Changes)
        {
            sb.Append("- Change").Append(c.MinutesBeforeOnset is { } b ? $" ({b} min before onset)" : "").Append(": ").Append(c.Clause.Text).Append('\n');
        }
        foreach (var r in f.RuledOut)
        {
            sb.Append("- Ruled out (").Append(r.Topic).Append("): ").Append(r.Clause.Text).Append('\n');
        }
        foreach (var s in f.Scope)
        {
            sb.Append("- Scope (not affected / only affected): ").Append(s.Text).Append('\n');
        }
        foreach (var s in f.Saturations.Take(10))
        {
            sb.Append("- Saturated: ").Append(s.Text).Append('\n');
        }
        foreach (var m in ranked.Take(4))
        {
            sb.Append("- Matching failure signature: ").Append(m.SignatureId).Append(" (").Append(m.Confidence.ToString().ToLowerInvariant()).Append(")\n");
        }
        return sb.Length == 0 ? "- (none)" : sb.ToString().TrimEnd('\n');
    }
}
