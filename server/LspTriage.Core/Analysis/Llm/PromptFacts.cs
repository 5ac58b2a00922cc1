using System.Text;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Signatures;

namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// The offline analyzer's understanding for the prompt: the subject first, then what the tools said about it (states,
/// events, errors with counts, slow spans), then the timeline and the rest. Compact bullet lines, quotes verbatim.
/// </summary>
internal static class PromptFacts
{
    public static string Format(ContextFacts f, IReadOnlyList<SignatureMatch> ranked)
    {
        var sb = new StringBuilder();
        if (f.Subject.IsKnown)
        {
            sb.Append("- Subject (what the incident is about): ").Append(string.Join(", ", f.Subject.Names))
                .Append(f.Subject.Namespace is { } ns ? $" in namespace {ns}" : "").Append('\n');
        }
        if (f.Forms.Count > 0)
        {
            sb.Append("- Input forms: ").Append(string.Join(", ", f.Forms.Select(x => x.ToString().ToLowerInvariant()))).Append('\n');
        }
        foreach (var a in f.Alerts.Take(5))
        {
            sb.Append("- Alert: ").Append(a.Name ?? "(unnamed)").Append(a.Status is { } st ? $" [{st}]" : "")
                .Append(a.Labels.Count > 0 ? " " + string.Join(" ", a.Labels.Where(l => l.Key != "alertname").Select(l => $"{l.Key}={l.Value}")) : "")
                .Append(a.Summary is { } s ? $" — {s}" : "").Append('\n');
        }
        foreach (var s in f.States.Where(s => s.Clause.Relevance != Relevance.Elsewhere).DistinctBy(s => (s.Pod, s.Reason, s.IsLastState)).Take(6))
        {
            sb.Append("- Container ").Append(s.IsLastState ? "last state" : "state").Append(": ").Append(s.Reason)
                .Append(s.ExitCode is { } c ? $", exit code {c}" : "").Append(s.Pod is { } p ? $" ({p})" : "").Append('\n');
        }
        foreach (var e in f.Events.Where(e => e.Type == "Warning").OrderByDescending(e => e.Clause.Relevance).ThenByDescending(e => e.Count).Take(6))
        {
            sb.Append("- Event ").Append(e.Reason).Append(e.Count > 1 ? $" ×{e.Count}" : "").Append(e.Clause.Relevance == Relevance.Elsewhere ? " (other object)" : "")
                .Append(": ").Append(Quote.Around(e.Message, 0)).Append('\n');
        }
        foreach (var err in f.Errors.Where(e => e.Clause.Relevance != Relevance.Tooling).OrderBy(e => e.IsWarning).ThenByDescending(e => e.Clause.Relevance).Take(6))
        {
            sb.Append(err.IsWarning ? "- Warning" : "- Error").Append(err.Clause.Count > 1 ? $" ×{err.Clause.Count}" : "")
                .Append(err.Clause.TimeText is { } t ? $" (first {t}{(err.Clause.LastTimeText is { } lt && lt != t ? $", last {lt}" : "")})" : "")
                .Append(err.Clause.Relevance == Relevance.Elsewhere ? " (other object)" : "")
                .Append(": ").Append(Quote.Around(err.Message, 0)).Append('\n');
        }
        foreach (var c in f.Clauses.Where(c => c.Relevance == Relevance.Tooling).Take(3))
        {
            sb.Append("- Investigation tooling error (not the incident): ").Append(Quote.Around(c.Text, 0)).Append('\n');
        }
        foreach (var s in f.Spans.OrderByDescending(s => s.Milliseconds).Take(3))
        {
            sb.Append("- Span: ").Append(s.Name).Append(' ').Append(s.DurationText).Append('\n');
        }
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
        foreach (var e in f.KeyTimeline(20).Where(e => e.Clause.Relevance != Relevance.Tooling))
        {
            sb.Append("- Timeline ").Append(e.TimeText).Append(" [").Append(e.Kind.ToString().ToLowerInvariant()).Append("]: ").Append(Quote.Around(e.Clause.Text, 0)).Append('\n');
        }
        foreach (var m in f.MetricChanges.Take(10))
        {
            sb.Append("- Metric change: ").Append(m.Quote).Append('\n');
        }
        foreach (var c in f.Changes.Take(10))
        {
            sb.Append("- Change").Append(c.MinutesBeforeOnset is { } b ? $" ({b} min before onset)" : "").Append(": ").Append(Quote.Around(c.Clause.Text, 0)).Append('\n');
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
        if (ranked.Count == 0)
        {
            sb.Append("- Matching failure signature: none (say so; lead with the most specific error)\n");
        }
        return sb.Length == 0 ? "- (none)" : sb.ToString().TrimEnd('\n');
    }

    /// <summary>Pastes at least this long go to the model condensed; shorter ones verbatim.</summary>
    public const int CondenseFromLines = 120;

    /// <summary>
    /// The context as the model reads it: verbatim when short; for a long paste, its clauses in order without
    /// boilerplate (column headers, mounted service-account volumes, stack frames) and with repeated lines folded
    /// into the first, marked "[×N]". Every line left is a verbatim substring of the paste, so evidence still checks.
    /// </summary>
    public static string Context(ContextFacts f)
    {
        var lineCount = f.Raw.Count(ch => ch == '\n') + 1;
        if (lineCount < CondenseFromLines)
        {
            return f.Raw;
        }
        var sb = new StringBuilder();
        var lastLineStart = -1;
        foreach (var c in f.Clauses)
        {
            var lineStart = f.Raw.LastIndexOf('\n', Math.Max(0, c.Start - 1)) + 1;
            if (c.Start > 0 && f.Raw[c.Start - 1] == '\n')
            {
                lineStart = c.Start;
            }
            // Clauses of one written line stay on one line, as written.
            sb.Append(lineStart == lastLineStart ? " " : sb.Length > 0 ? "\n" : "").Append(c.Text);
            if (c.Count > 1)
            {
                sb.Append(" [×").Append(c.Count).Append(c.LastTimeText is { } lt ? $", last {lt}" : "").Append(']');
            }
            lastLineStart = lineStart;
        }
        return $"(condensed by LspTriage: {lineCount} pasted lines; boilerplate dropped and repeated lines folded into the first, marked [×N])\n" + sb;
    }
}
