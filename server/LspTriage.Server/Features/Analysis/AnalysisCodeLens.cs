using LspTriage.Core.Documents;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Analysis;

/// <summary>"Analyze incident" above the raw context heading: the action is where the evidence is.</summary>
internal sealed class AnalysisCodeLens : ICodeLensContributor
{
    public Task<IReadOnlyList<CodeLens>> ProvideAsync(OpenDocument document, CancellationToken cancellationToken)
    {
        var parsed = document.Parsed;
        var raw = parsed.FindSection(SectionKind.RawContext);
        if (raw is null)
        {
            return Task.FromResult<IReadOnlyList<CodeLens>>([]);
        }
        var title = parsed.GeneratedBlocks.Any(b => b.Kind == "analysis") ? "Analyze incident again" : "Analyze incident";
        IReadOnlyList<CodeLens> lenses = [new CodeLens(parsed.ProtocolRange(raw.HeadingSpan), new Command(title, AnalyzeIncidentCommand.CommandName, [document.Uri]))];
        return Task.FromResult(lenses);
    }
}
