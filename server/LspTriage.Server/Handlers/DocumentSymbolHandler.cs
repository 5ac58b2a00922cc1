using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Symbols;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class DocumentSymbolHandler
{
    private readonly ServerContext _context;

    public DocumentSymbolHandler(ServerContext context) => _context = context;

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<DocumentSymbol>> DocumentSymbolAsync(DocumentSymbolParams p, CancellationToken cancellationToken)
    {
        var document = _context.Snapshot(p?.TextDocument);
        if (document is null)
        {
            return [];
        }
        var includeEntries = _context.Settings.OutlineEntries;
        await TaskScheduler.Default;
        if (!document.IsOurs)
        {
            return [];
        }
        cancellationToken.ThrowIfCancellationRequested();
        return OutlineBuilder.Build(document.Parsed, includeEntries);
    }
}
