using LspTriage.Server.Conversion;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary>Keeps the open documents current. Runs in message order (the server's synchronization context).</summary>
internal sealed class TextSyncHandler
{
    private readonly ServerContext _context;
    private readonly DiagnosticsPublisher _publisher;

    public TextSyncHandler(ServerContext context, DiagnosticsPublisher publisher)
    {
        _context = context;
        _publisher = publisher;
    }

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams p)
    {
        if (!Accepts(p?.TextDocument?.Uri, "didOpen"))
        {
            return;
        }
        var item = p!.TextDocument;
        var document = new OpenDocument(item.Uri, item.Version, item.Text ?? "", _context.Settings.Documents);
        _context.Documents.Set(document);
        _publisher.Schedule(document, immediately: true);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams p)
    {
        if (!Accepts(p?.TextDocument?.Uri, "didChange") || p!.ContentChanges is null)
        {
            return;
        }
        if (p.ContentChanges.Any(c => c is null))
        {
            // Applying the other changes would leave the buffer out of step with the editor's: keep the last good text.
            _context.Log.Warning($"didChange for {p.TextDocument.Uri} with a null change: ignored.");
            return;
        }
        var current = _context.Documents.Get(p.TextDocument.Uri);
        if (current is null)
        {
            _context.Log.Warning($"didChange for {p.TextDocument.Uri}, which is not open: ignored.");
            return;
        }
        var changes = p.ContentChanges.Select(c => (c.Range?.ToCore(), c.Text ?? ""));
        var updated = current.WithChanges(p.TextDocument.Version ?? current.Version + 1, changes);
        _context.Documents.Set(updated);
        _publisher.Schedule(updated);
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams p)
    {
        if (!Accepts(p?.TextDocument?.Uri, "didClose"))
        {
            return;
        }
        _context.Documents.Remove(p!.TextDocument.Uri);
        _publisher.Clear(p.TextDocument.Uri);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams p)
    {
        if (Accepts(p?.TextDocument?.Uri, "didSave") && _context.Documents.Get(p!.TextDocument.Uri) is { } document)
        {
            _context.Documents.NotifySaved(document);
        }
    }

    /// <summary>Notifications have no response to carry an error: bad params are logged and the message is dropped.</summary>
    private bool Accepts(string? uri, string method)
    {
        if (!_context.Lifecycle.AcceptsNotifications)
        {
            return false;
        }
        if (uri is null)
        {
            _context.Log.Warning($"{method} without textDocument.uri: ignored.");
            return false;
        }
        return true;
    }
}
