using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/didClose</c>: forgets the document and clears its pushed diagnostics.</summary>
internal sealed class DidCloseHandler(ServerContext context, DiagnosticsPublisher publisher) : INotificationHandler<DidCloseTextDocumentParams>
{
    public string Method => "textDocument/didClose";

    public void Apply(DidCloseTextDocumentParams p)
    {
        if (!NotificationParams.HasUri(context, p?.TextDocument?.Uri, Method))
        {
            return;
        }
        context.Documents.Remove(p!.TextDocument.Uri);
        publisher.Clear(p.TextDocument.Uri);
    }
}
