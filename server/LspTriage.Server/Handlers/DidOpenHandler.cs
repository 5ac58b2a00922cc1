using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/didOpen</c>: the document's first version; diagnostics follow at once.</summary>
internal sealed class DidOpenHandler(ServerContext context, DiagnosticsPublisher publisher) : INotificationHandler<DidOpenTextDocumentParams>
{
    public string Method => "textDocument/didOpen";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { TextDocumentSync = (capabilities.TextDocumentSync ?? new()) with { OpenClose = true } };

    public void Apply(DidOpenTextDocumentParams p)
    {
        if (!NotificationParams.HasUri(context, p?.TextDocument?.Uri, Method))
        {
            return;
        }
        var item = p!.TextDocument;
        var document = new OpenDocument(item.Uri, item.Version, item.Text ?? "", context.Settings.Documents);
        context.Documents.Set(document);
        publisher.Schedule(document, immediately: true);
    }
}
