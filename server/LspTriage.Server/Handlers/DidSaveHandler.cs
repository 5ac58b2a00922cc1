using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/didSave</c>: the saved text is what the similar-incidents index should hold.</summary>
internal sealed class DidSaveHandler(ServerContext context) : INotificationHandler<DidSaveTextDocumentParams>
{
    public string Method => "textDocument/didSave";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { TextDocumentSync = (capabilities.TextDocumentSync ?? new()) with { Save = new SaveOptions(IncludeText: false) } };

    public void Apply(DidSaveTextDocumentParams p)
    {
        if (NotificationParams.HasUri(context, p?.TextDocument?.Uri, Method) && context.Documents.Get(p!.TextDocument.Uri) is { } document)
        {
            context.Documents.NotifySaved(document);
        }
    }
}
