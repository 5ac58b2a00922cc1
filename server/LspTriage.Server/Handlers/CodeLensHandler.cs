using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using Microsoft.VisualStudio.Threading;
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
    public async Task<IReadOnlyList<CodeLens>> CodeLensAsync(CodeLensParams p, CancellationToken cancellationToken)
    {
        var document = _context.Snapshot(p?.TextDocument);
        if (document is null)
        {
            return [];
        }
        await TaskScheduler.Default;
        if (!document.IsOurs)
        {
            return [];
        }
        var lenses = new List<CodeLens>();
        foreach (var contributor in _features.CodeLenses)
        {
            lenses.AddRange(await contributor.ProvideAsync(document, cancellationToken).ConfigureAwait(false));
        }
        return lenses;
    }
}
