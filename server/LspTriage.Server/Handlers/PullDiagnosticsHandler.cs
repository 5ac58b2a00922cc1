using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary>
/// <c>textDocument/diagnostic</c>, for clients that pull: the document version and the settings generation are the
/// result id, so an unchanged document costs nothing.
/// </summary>
internal sealed class PullDiagnosticsHandler(ServerContext server, DiagnosticsComputer computer) : IRequestHandler<DocumentDiagnosticParams, object>
{
    public string Method => "textDocument/diagnostic";

    /// <summary>Only when this client pulls: a client that also takes pushed diagnostics would show every problem twice.</summary>
    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        server.PullDiagnostics ? capabilities with { DiagnosticProvider = new DiagnosticOptions("lsptriage", InterFileDependencies: false, WorkspaceDiagnostics: false) } : capabilities;

    public Task<object> HandleAsync(DocumentDiagnosticParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.Document(p?.TextDocument);
        if (document is null)
        {
            return Task.FromResult<object>(new FullDocumentDiagnosticReport("closed", []));
        }
        var resultId = $"{document.Version}:{context.SettingsGeneration}";
        if (p!.PreviousResultId == resultId)
        {
            return Task.FromResult<object>(new UnchangedDocumentDiagnosticReport(resultId));
        }
        var items = document.IsOurs ? computer.Compute(document) : [];
        return Task.FromResult<object>(new FullDocumentDiagnosticReport(resultId, items));
    }
}
