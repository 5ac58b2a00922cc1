using LspTriage.Core.Files;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary>
/// <c>workspace/diagnostic</c> (LSP 3.17 pull): every incident file in the workspace, open or not, so the Problems panel
/// lists postmortems nobody opened. A file whose result id the client already holds is reported unchanged and costs a
/// string comparison; open documents are reported at their editor version, with the ids <c>textDocument/diagnostic</c> uses.
/// </summary>
internal sealed class WorkspaceDiagnosticsHandler(ServerContext server, WorkspaceProblems problems, DiagnosticsComputer computer)
    : IRequestHandler<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>
{
    public string Method => "workspace/diagnostic";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        server.PullDiagnostics
            ? capabilities with { DiagnosticProvider = (capabilities.DiagnosticProvider ?? PullDiagnosticsHandler.Options) with { WorkspaceDiagnostics = true } }
            : capabilities;

    public async Task<WorkspaceDiagnosticReport> HandleAsync(WorkspaceDiagnosticParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in p?.PreviousResultIds ?? [])
        {
            if (id?.Uri is { } uri && id.Value is { } value)
            {
                previous[uri] = value;
            }
        }
        var generation = context.SettingsGeneration;
        var options = context.Settings.Documents;
        var open = context.OpenDocuments.ToDictionary(d => DocumentUri.ToPath(d.Uri) ?? d.Uri, FilePaths.Comparer);
        var reports = new List<object>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        foreach (var document in open.Values.Where(d => d.IsOurs))
        {
            var (items, resultId) = await computer.ComputeWithIdAsync(document, generation, cancellationToken).ConfigureAwait(false);
            reported.Add(document.Uri);
            reports.Add(previous.GetValueOrDefault(document.Uri) == resultId
                ? new WorkspaceUnchangedDocumentDiagnosticReport(document.Uri, document.Version, resultId)
                : new WorkspaceFullDocumentDiagnosticReport(document.Uri, document.Version, resultId, items));
        }

        var closed = problems.Files.Where(f => !open.ContainsKey(f.Path)).ToArray();
        var stale = closed.Where(f => previous.GetValueOrDefault(f.Uri) != f.ResultId(generation)).ToArray();
        // The first report checks every file: spread it over the cores, in the request's thread-pool time.
        Parallel.ForEach(stale, new ParallelOptions { CancellationToken = cancellationToken },
            f => WorkspaceProblems.Diagnostics(f, options, generation, computer.Checker));
        foreach (var file in closed)
        {
            var uri = file.Uri;
            var resultId = file.ResultId(generation);
            if (previous.GetValueOrDefault(uri) == resultId)
            {
                reported.Add(uri);
                reports.Add(new WorkspaceUnchangedDocumentDiagnosticReport(uri, null, resultId));
            }
            else if (WorkspaceProblems.Diagnostics(file, options, generation, computer.Checker) is { } items)
            {
                reported.Add(uri);
                reports.Add(new WorkspaceFullDocumentDiagnosticReport(uri, null, resultId, items));
            }
        }
        // Files the client still shows problems for but that are gone (deleted, or no longer incidents): clear them.
        foreach (var uri in previous.Keys.Where(u => !reported.Contains(u)))
        {
            reports.Add(new WorkspaceFullDocumentDiagnosticReport(uri, null, "gone", []));
        }
        return new WorkspaceDiagnosticReport(reports);
    }
}
