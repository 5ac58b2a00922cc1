using LspTriage.Server.Conversion;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/didChange</c>: incremental edits make the document's next immutable version.</summary>
internal sealed class DidChangeHandler(ServerContext context, DiagnosticsPublisher publisher) : INotificationHandler<DidChangeTextDocumentParams>
{
    public string Method => "textDocument/didChange";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { TextDocumentSync = (capabilities.TextDocumentSync ?? new()) with { Change = TextDocumentSyncKind.Incremental } };

    public void Apply(DidChangeTextDocumentParams p)
    {
        if (!NotificationParams.HasUri(context, p?.TextDocument?.Uri, Method) || p!.ContentChanges is null)
        {
            return;
        }
        var current = context.Documents.Get(p.TextDocument.Uri);
        if (current is null)
        {
            context.Log.Warning($"didChange for {p.TextDocument.Uri}, which is not open: ignored.");
            return;
        }
        var changes = p.ContentChanges.Select(c => (c.Range?.ToCore(), c.Text ?? ""));
        var updated = current.WithChanges(p.TextDocument.Version ?? current.Version + 1, changes);
        context.Documents.Set(updated);
        publisher.Schedule(updated);
    }
}
