using LspTriage.Core.Similarity;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Similarity;

/// <summary>"N similar incidents (best 85%)" over the title; clicking it lists them (<c>lspTriage.findSimilar</c>).</summary>
internal sealed class SimilarCodeLens : ICodeLensContributor
{
    private readonly SimilarityHost _host;

    public SimilarCodeLens(SimilarityHost host) => _host = host;

    public async Task<IReadOnlyList<CodeLens>> ProvideAsync(OpenDocument document, CancellationToken cancellationToken)
    {
        var parsed = document.Parsed;
        if (parsed.TitleSpan.Length == 0)
        {
            return [];
        }
        var results = await _host.FindAsync(parsed, cancellationToken).ConfigureAwait(false);
        var title = SimilarIncidentsRenderer.CodeLensTitle(results);
        return [new CodeLens(parsed.ProtocolRange(parsed.TitleSpan), new Command(title, FindSimilarCommand.CommandName, [document.Uri]))];
    }
}
