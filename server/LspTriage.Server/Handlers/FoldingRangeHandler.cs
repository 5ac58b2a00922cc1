using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Symbols;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class FoldingRangeHandler
{
    private readonly ServerContext _context;

    public FoldingRangeHandler(ServerContext context) => _context = context;

    [JsonRpcMethod("textDocument/foldingRange", UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<FoldingRange>> FoldingRangeAsync(FoldingRangeParams p, CancellationToken cancellationToken)
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
        cancellationToken.ThrowIfCancellationRequested();
        return FoldingBuilder.Build(document.Parsed);
    }
}
