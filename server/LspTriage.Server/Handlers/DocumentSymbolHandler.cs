using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Symbols;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/documentSymbol</c>: the outline (sections, and timeline entries and action items unless turned off).</summary>
internal sealed class DocumentSymbolHandler : IRequestHandler<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>
{
    public string Method => "textDocument/documentSymbol";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities with { DocumentSymbolProvider = true };

    public Task<IReadOnlyList<DocumentSymbol>> HandleAsync(DocumentSymbolParams p, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.OurDocument(p?.TextDocument) is { } document ? OutlineBuilder.Build(document.Parsed, context.Settings.OutlineEntries) : []);
}
