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
        server.PullDiagnostics ? capabilities with { DiagnosticProvider = capabilities.DiagnosticProvider ?? Options } : capabilities;

    /// <summary>The pull options; <see cref="WorkspaceDiagnosticsHandler"/> turns on workspace diagnostics in them.</summary>
    internal static readonly DiagnosticOptions Options = new("lsptriage", InterFileDependencies: false, WorkspaceDiagnostics: false);

    public async Task<object> HandleAsync(DocumentDiagnosticParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.Document(p?.TextDocument);
        if (document is null)
        {
            return new FullDocumentDiagnosticReport("closed", []);
        }
        // The id depends on what LT030 finds, so it is computed first; both are cached per version and index state.
        var (items, resultId) = await computer.ComputeWithIdAsync(document, context.SettingsGeneration, cancellationToken).ConfigureAwait(false);
        return p!.PreviousResultId == resultId ? new UnchangedDocumentDiagnosticReport(resultId) : new FullDocumentDiagnosticReport(resultId, items);
    }
}
