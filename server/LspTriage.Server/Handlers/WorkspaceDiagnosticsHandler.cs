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
internal sealed class WorkspaceDiagnosticsHandler(ServerContext server, ServerStartup startup, WorkspaceProblems problems, WorkspaceRepeats repeats, DiagnosticsComputer computer)
    : IRequestHandler<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>
{
    public string Method => "workspace/diagnostic";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        server.PullDiagnostics
            ? capabilities with { DiagnosticProvider = (capabilities.DiagnosticProvider ?? PullDiagnosticsHandler.Options) with { WorkspaceDiagnostics = true } }
            : capabilities;

    public async Task<WorkspaceDiagnosticReport> HandleAsync(WorkspaceDiagnosticParams p, RequestContext context, CancellationToken cancellationToken)
    {
        // A pull during the workspace scan waits for it: a report of the files found so far would be cleared and
        // refilled by the next pull, which clients send seconds later.
        await startup.Scanned.WaitAsync(cancellationToken).ConfigureAwait(false);
        var previous = new Dictionary<string, string>(p?.PreviousResultIds?.Count ?? 0, StringComparer.Ordinal);
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
        // Unchanged reports are written as encoded bytes (RawJson): the URIs reported are kept beside them.
        var reportedUris = new List<string>();
        // How many of the client's previous ids were answered: when all were, nothing is gone and no set of reported
        // URIs is needed (a re-pull of thousands of unchanged files is this loop and the JSON, nothing more).
        var answered = 0;

        foreach (var document in open.Values.Where(d => d.IsOurs))
        {
            var (items, resultId) = await computer.ComputeWithIdAsync(document, generation, cancellationToken).ConfigureAwait(false);
            var known = previous.TryGetValue(document.Uri, out var before);
            answered += known ? 1 : 0;
            reportedUris.Add(document.Uri);
            reports.Add(known && before == resultId
                ? new WorkspaceUnchangedDocumentDiagnosticReport(document.Uri, document.Version, resultId)
                : new WorkspaceFullDocumentDiagnosticReport(document.Uri, document.Version, resultId, items));
        }

        // One pass decides what is unchanged; only the rest is checked.
        var files = problems.Files;
        var closed = new List<(WorkspaceProblems.FileState File, string ResultId, bool Known, bool Unchanged)>(files.Count);
        List<WorkspaceProblems.FileState>? stale = null;
        foreach (var file in files)
        {
            if (open.Count > 0 && open.ContainsKey(file.Path))
            {
                continue;
            }
            var resultId = file.ResultId(generation);
            var known = previous.TryGetValue(file.Uri, out var before);
            var unchanged = known && before == resultId;
            if (!unchanged)
            {
                (stale ??= []).Add(file);
            }
            closed.Add((file, resultId, known, unchanged));
        }
        if (stale is not null)
        {
            // Files the start-up scan did not check (or a settings change made stale): spread them over the cores.
            Parallel.ForEach(stale, new ParallelOptions { CancellationToken = cancellationToken },
                f => WorkspaceProblems.Check(f, options, generation, computer.Checker));
            // LT030 for the files just checked comes from the similarity index, in the background.
            repeats.Schedule();
        }
        foreach (var (file, resultId, known, unchanged) in closed)
        {
            if (unchanged)
            {
                answered++;
                reports.Add(file.Unchanged(resultId));
                reportedUris.Add(file.Uri);
            }
            else if (WorkspaceProblems.Check(file, options, generation, computer.Checker) is { Items: { } items } report)
            {
                answered += known ? 1 : 0;
                reports.Add(new WorkspaceFullDocumentDiagnosticReport(file.Uri, null, report.Id, items));
                reportedUris.Add(file.Uri);
            }
        }
        // Files the client still shows problems for but that are gone (deleted, or no longer incidents): clear them.
        if (answered < previous.Count)
        {
            var reported = reportedUris.ToHashSet(StringComparer.Ordinal);
            foreach (var uri in previous.Keys.Where(u => !reported.Contains(u)))
            {
                reports.Add(new WorkspaceFullDocumentDiagnosticReport(uri, null, "gone", []));
            }
        }
        return new WorkspaceDiagnosticReport(reports);
    }
}
