using LspTriage.Core.Similarity;
using LspTriage.Server.Conversion;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Similarity;

/// <summary>"N similar incidents (best 85%)" over the title; clicking it lists them (<c>lspTriage.findSimilar</c>).</summary>
internal sealed class SimilarCodeLens : ICodeLensContributor
{
    private readonly SimilarityHost _host;

    /// <summary>While the index loads: the lens is there (and clickable: the command waits), without a count.</summary>
    public const string LoadingTitle = "Similar incidents (index loading…)";

    public SimilarCodeLens(SimilarityHost host) => _host = host;

    public async Task<IReadOnlyList<CodeLens>> ProvideAsync(OpenDocument document, CancellationToken cancellationToken)
    {
        var parsed = document.Parsed;
        if (parsed.TitleSpan.Length == 0)
        {
            return [];
        }
        var results = await _host.FindIfReadyAsync(parsed, cancellationToken).ConfigureAwait(false);
        var title = results is null ? LoadingTitle : SimilarIncidentsRenderer.CodeLensTitle(results);
        return [new CodeLens(parsed.ProtocolRange(parsed.TitleSpan), new Command(title, FindSimilarCommand.CommandName, [document.Uri]))];
    }
}
