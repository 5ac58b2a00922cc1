using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class CodeLensHandler
{
    private readonly ServerContext _context;
    private readonly FeatureSet _features;

    public CodeLensHandler(ServerContext context, FeatureSet features)
    {
        _context = context;
        _features = features;
    }

    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<CodeLens>> CodeLensAsync(CodeLensParams p, CancellationToken cancellationToken) =>
        _context.OnDocumentAsync<IReadOnlyList<CodeLens>>(p?.TextDocument, [], async document =>
        {
            var lenses = new List<CodeLens>();
            foreach (var contributor in _features.CodeLenses)
            {
                lenses.AddRange(await contributor.ProvideAsync(document, cancellationToken).ConfigureAwait(false));
            }
            return lenses;
        }, cancellationToken);
}
