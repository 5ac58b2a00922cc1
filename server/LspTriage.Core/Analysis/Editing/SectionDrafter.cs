using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Analysis.Editing;

/// <summary>"Draft this section": the text an analysis offers for one postmortem section, and the edit that fills a placeholder with it.</summary>
public static class SectionDrafter
{
    public static bool CanDraft(SectionKind kind) => Draft(kind, EmptyProbe, AnalysisLanguage.English) is not null;

    /// <summary>Markdown for the section's body, or null when the analysis has nothing for that kind.</summary>
    public static string? Draft(SectionKind kind, IncidentAnalysis a, AnalysisLanguage language)
    {
        var d = a.PostmortemDraft;
        return kind switch
        {
            SectionKind.Summary => d.Summary,
            SectionKind.Impact => AnalysisRenderer.Bullets(d.Impact),
            SectionKind.CustomerImpact => a.CustomerImpact,
            SectionKind.Timeline => AnalysisRenderer.Bullets(d.Timeline),
            SectionKind.RootCause => d.RootCause,
            SectionKind.Detection => d.Detection,
            SectionKind.Response => d.Response,
            SectionKind.WhatWentWell => AnalysisRenderer.Bullets(d.WentWell),
            SectionKind.WhatWentPoorly => AnalysisRenderer.Bullets(d.WentPoorly),
            SectionKind.ActionItems or SectionKind.FollowUps => string.Join("\n", a.FollowUps.Select(f => $"- [ ] **{f.Priority}** {f.Action} — {f.Owner}")),
            SectionKind.Severity => a.Severity.Reasoning,
            SectionKind.Mitigation => string.Join("\n", a.Mitigations.Select(m => $"- {m.Action}")),
            _ => null,
        };
    }

    /// <summary>
    /// Replaces one placeholder token (e.g. <c>[FILL IN]</c>) with the draft for its section. Only the token is
    /// replaced, so nothing the user wrote is lost. Null when the section kind has no draft.
    /// </summary>
    public static TextEdit? EditForPlaceholder(IncidentDocument document, Placeholder placeholder, IncidentAnalysis analysis, AnalysisLanguage language)
    {
        if (placeholder.SectionIndex < 0 || placeholder.SectionIndex >= document.Sections.Count)
        {
            return null;
        }
        var kind = document.Sections[placeholder.SectionIndex].Kind;
        var draft = Draft(kind, analysis, language);
        if (draft is null)
        {
            return null;
        }
        var text = document.Text;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, placeholder.Span.Start - 1)) + 1;
        var linePrefix = text[lineStart..placeholder.Span.Start];
        // "- [FILL IN]" in a list: the draft's own first bullet marker would double it.
        if (linePrefix.TrimStart().StartsWith('-') && draft.StartsWith("- ", StringComparison.Ordinal))
        {
            draft = draft[2..];
            if (draft.StartsWith("[ ] ", StringComparison.Ordinal) && linePrefix.Contains("[ ]", StringComparison.Ordinal))
            {
                draft = draft[4..];
            }
        }
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (newLine != "\n")
        {
            draft = draft.Replace("\n", newLine, StringComparison.Ordinal);
        }
        return new TextEdit(document.RangeOf(placeholder.Span), draft);
    }

    /// <summary>
    /// The quick fix without a stored analysis: runs the offline analyzer on the document's own raw context
    /// (a few milliseconds). Null when the document has no raw context or the section kind has no draft.
    /// </summary>
    public static TextEdit? EditForPlaceholder(IncidentDocument document, Placeholder placeholder, AnalysisLanguage language)
    {
        IncidentContext context;
        try
        {
            context = IncidentContextReader.Read(document);
        }
        catch (AnalysisException)
        {
            return null;
        }
        var analysis = new Offline.OfflineAnalyzer().Analyze(context, language);
        return EditForPlaceholder(document, placeholder, analysis, language);
    }

    private static readonly IncidentAnalysis EmptyProbe = new("", new SeverityAssessment("SEV5", ""), [], [], [], "",
        new PostmortemDraft("", [], [], "", "", "", [], [], []), [], new RunInfo("", "", "", "", 0, 0, 0, null, []));
}
