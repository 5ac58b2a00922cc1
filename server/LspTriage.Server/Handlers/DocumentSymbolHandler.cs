using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Symbols;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class DocumentSymbolHandler
{
    private readonly ServerContext _context;

    public DocumentSymbolHandler(ServerContext context) => _context = context;

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<DocumentSymbol>> DocumentSymbolAsync(DocumentSymbolParams p, CancellationToken cancellationToken)
    {
        var includeEntries = _context.Settings.OutlineEntries;
        return _context.OnDocumentAsync<IReadOnlyList<DocumentSymbol>>(p?.TextDocument, [], document => OutlineBuilder.Build(document.Parsed, includeEntries), cancellationToken);
    }
}
