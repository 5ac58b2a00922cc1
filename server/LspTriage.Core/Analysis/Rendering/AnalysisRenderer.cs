using System.Text;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Analysis.Rendering;

/// <summary>
/// Markdown in the seed's order and shape. <see cref="RenderBlock"/> wraps it in the generated-block markers with the
/// run record and the hash of the text between them. Headings are level 2 (sections) and 3 (draft parts), so they sit
/// under the incident's title like the user's own sections.
/// </summary>
public static class AnalysisRenderer
{
    public static string RenderBlock(IncidentAnalysis analysis, AnalysisLanguage language, string newLine = "\n")
    {
        var body = RenderBody(analysis, language, newLine);
        var hash = BlockHash.Of(body);
        return BlockMarker.Begin(analysis.Run, hash) + newLine + body + newLine + BlockMarker.End + newLine;
    }

    /// <summary>The text between the markers (no trailing line break).</summary>
    public static string RenderBody(IncidentAnalysis a, AnalysisLanguage l, string newLine = "\n")
    {
        var h = Headings.For(l);
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');

        Line($"## {h.Summary}");
        Line();
        Line(a.Summary);
        Line();
        Line($"**{h.SeverityReasoning}:** {a.Severity.Reasoning}");
        Line();
        Line($"_{RunLine.Format(a.Run)}_");
        Line();

        Line($"## {h.Hypotheses}");
        Line();
        foreach (var hyp in a.Hypotheses)
        {
            Line($"- **{h.Confidence(hyp.Confidence)}** — {hyp.Title}");
            if (hyp.Evidence.Count > 0)
            {
                Line($"  - {h.Evidence}: {string.Join("; ", hyp.Evidence.Select(e => "`" + e.Replace("`", "'", StringComparison.Ordinal).ReplaceLineEndings(" ") + "`"))}");
            }
            Line($"  - {h.Refute}: {hyp.Refutation}");
        }
        Line();

        Line($"## {h.Checklist}");
        Line();
        var n = 1;
        foreach (var step in a.Checklist)
        {
            Line($"{n++}. {step.Step}");
            // The fence is longer than any backtick run in the command, and every line is indented into the list
            // item, so no command (a model's included) can close the block early or leave the list.
            var fence = new string('`', Math.Max(3, LongestBacktickRun(step.Command) + 1));
            Line($"   {fence}sh");
            foreach (var commandLine in step.Command.ReplaceLineEndings("\n").Split('\n'))
            {
                Line($"   {commandLine}");
            }
            Line($"   {fence}");
            Line($"   {h.Expected}: {step.Expected}");
        }
        Line();

        Line($"## {h.Mitigation}");
        Line();
        n = 1;
        foreach (var m in a.Mitigations)
        {
            Line($"{n++}. {m.Action}");
            Line($"   - {h.Risk}: {m.Risk}");
            Line($"   - {h.Rollback}: {m.Rollback}");
        }
        Line();

        Line($"## {h.CustomerImpact}");
        Line();
        Line(a.CustomerImpact);
        Line();

        Line($"## {h.Draft}");
        Line();
        foreach (var (heading, part) in DraftParts(a.PostmortemDraft, h))
        {
            Line($"### {heading}");
            Line();
            Line(part);
            Line();
        }

        Line($"## {h.FollowUps}");
        Line();
        foreach (var f in a.FollowUps)
        {
            Line($"- [ ] **{f.Priority}** {f.Action} — {f.Owner}");
        }
        var text = sb.ToString().TrimEnd('\n');
        return newLine == "\n" ? text : text.Replace("\n", newLine, StringComparison.Ordinal);
    }

    private static int LongestBacktickRun(string s)
    {
        int longest = 0, run = 0;
        foreach (var c in s)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>The draft's parts as (heading, markdown) pairs, also used by "Draft this section".</summary>
    internal static IEnumerable<(string Heading, string Text)> DraftParts(PostmortemDraft d, Headings h)
    {
        yield return (h.Summary, d.Summary);
        yield return (d.TimeZone is { } zone ? $"{h.Timeline} ({zone})" : h.Timeline, Bullets(d.Timeline));
        yield return (h.Impact, Bullets(d.Impact));
        yield return (h.RootCause, d.RootCause);
        yield return (h.Detection, d.Detection);
        yield return (h.Response, d.Response);
        yield return (h.WentWell, Bullets(d.WentWell));
        yield return (h.WentPoorly, Bullets(d.WentPoorly));
        yield return (h.ActionItems, string.Join("\n", d.ActionItems.Select(x => "- [ ] " + x)));
    }

    internal static string Bullets(IEnumerable<string> items) => string.Join("\n", items.Select(x => "- " + x));
}
