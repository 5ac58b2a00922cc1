using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Symbols;

namespace LspTriage.Server.Handlers;

/// <summary>
/// <c>textDocument/documentSymbol</c>: the outline (sections, and timeline entries and action items unless turned off),
/// a <c>DocumentSymbol[]</c> written once per version (<see cref="OutlineCache"/>).
/// </summary>
internal sealed class DocumentSymbolHandler : IRequestHandler<DocumentSymbolParams, RawJson>
{
    public string Method => "textDocument/documentSymbol";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities with { DocumentSymbolProvider = true };

    public Task<RawJson> HandleAsync(DocumentSymbolParams p, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.OurDocument(p?.TextDocument) is { } document
            ? OutlineCache.Get(document.Parsed, context.Settings.OutlineEntries)
            : RawJson.EmptyArray);
}
