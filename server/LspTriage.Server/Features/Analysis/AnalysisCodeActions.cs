using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Analysis;

/// <summary>
/// <b>Analyze incident</b> on documents with a raw context, and the quick fix <b>Draft this section</b> on a
/// placeholder in a postmortem section the analysis can fill (offline, a few milliseconds, from the document's own
/// evidence).
/// </summary>
internal sealed class AnalysisCodeActions : ICodeActionContributor
{
    public IEnumerable<CodeAction> Provide(OpenDocument document, TextRange range, IReadOnlyList<Finding> findings, ServerSettings settings)
    {
        var parsed = document.Parsed;
        if (parsed.FindSection(SectionKind.RawContext) is null)
        {
            yield break;
        }
        yield return new CodeAction("Analyze incident", CodeActionKinds.Analyze)
        {
            Command = new Command("Analyze incident", AnalyzeIncidentCommand.CommandName, [document.Uri]),
        };
        AnalysisLanguageExtensions.TryParse(settings.Language, out var language);
        foreach (var finding in findings.Where(f => f.Code == Rules.Placeholder.Code && OnLines(parsed, f, range)))
        {
            var placeholder = parsed.Placeholders.FirstOrDefault(p => p.Span == finding.Span);
            if (placeholder is null || placeholder.SectionIndex < 0 || parsed.Sections[placeholder.SectionIndex].IsGenerated
                || !SectionDrafter.CanDraft(parsed.Sections[placeholder.SectionIndex].Kind))
            {
                continue;
            }
            if (SectionDrafter.EditForPlaceholder(parsed, placeholder, language) is { } edit)
            {
                yield return new CodeAction($"Draft \"{parsed.Sections[placeholder.SectionIndex].Heading}\" from the incident context", CodeActionKinds.QuickFix)
                {
                    Diagnostics = [finding.ToDiagnostic(parsed)],
                    Edit = Edits.Versioned(document, [edit]),
                };
            }
        }
    }

    private static bool OnLines(IncidentDocument document, Finding finding, TextRange range)
    {
        var line = document.RangeOf(finding.Span).Start.Line;
        return line >= range.Start.Line && line <= range.End.Line;
    }
}
