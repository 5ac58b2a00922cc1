using LspTriage.Server.Features;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/codeLens</c>: the features' lenses ("Analyze incident", "N similar incidents").</summary>
internal sealed class CodeLensHandler(FeatureSet features) : IRequestHandler<CodeLensParams, IReadOnlyList<CodeLens>>
{
    public string Method => "textDocument/codeLens";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        features.CodeLenses.Count > 0 ? capabilities with { CodeLensProvider = new CodeLensOptions(ResolveProvider: false) } : capabilities;

    public async Task<IReadOnlyList<CodeLens>> HandleAsync(CodeLensParams p, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.OurDocument(p?.TextDocument) is not { } document)
        {
            return [];
        }
        var lenses = new List<CodeLens>();
        foreach (var contributor in features.CodeLenses)
        {
            lenses.AddRange(await contributor.ProvideAsync(document, cancellationToken).ConfigureAwait(false));
        }
        return lenses;
    }
}
