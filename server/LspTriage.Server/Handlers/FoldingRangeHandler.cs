using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Symbols;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class FoldingRangeHandler
{
    private readonly ServerContext _context;

    public FoldingRangeHandler(ServerContext context) => _context = context;

    [JsonRpcMethod("textDocument/foldingRange", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<FoldingRange>> FoldingRangeAsync(FoldingRangeParams p, CancellationToken cancellationToken) =>
        _context.OnDocumentAsync<IReadOnlyList<FoldingRange>>(p?.TextDocument, [], document => FoldingBuilder.Build(document.Parsed), cancellationToken);
}
