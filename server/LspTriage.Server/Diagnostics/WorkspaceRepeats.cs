using System.Diagnostics;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Server.Conversion;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Diagnostics;

/// <summary>
/// LT030 (repeat incident) for the workspace files nobody opened. The search needs the similarity index, which is
/// built after the first workspace report, so LT030 arrives later: a pass searches the index once per file version
/// (from the record the index already holds, <see cref="RepeatIncidentSource.FindForFileAsync"/>), on one core, in
/// the background, then asks the client to pull again (<c>workspace/diagnostic/refresh</c>). A file is searched again
/// when it changes, when the settings change, or when one of the files its search found changes (its action items may
/// have been closed). A past incident added later is not looked for in files that did not change: the bound that
/// keeps a save from searching the whole workspace again.
/// </summary>
internal sealed class WorkspaceRepeats
{
    private readonly ServerContext _server;
    private readonly WorkspaceProblems _problems;
    private readonly SimilarityHost _similarity;
    private readonly RepeatIncidentSource? _source;
    private readonly object _gate = new();
    private readonly HashSet<string> _changed = new(Core.Files.FilePaths.Comparer);
    private Task _pass = Task.CompletedTask;
    private bool _pending;

    public WorkspaceRepeats(ServerContext server, WorkspaceProblems problems, SimilarityHost similarity, DiagnosticsComputer computer)
    {
        _server = server;
        _problems = problems;
        _similarity = similarity;
        _source = computer.Repeats;
        similarity.Changed += Schedule;
        problems.PathChanged += path =>
        {
            lock (_gate)
            {
                _changed.Add(path);
            }
        };
    }

    /// <summary>Completes when the passes asked for so far are done (tests wait on it).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _pass;
            }
        }
    }

    /// <summary>Asks for a pass; one already waiting to start covers this request too.</summary>
    public void Schedule()
    {
        if (_source is null)
        {
            return;
        }
        lock (_gate)
        {
            if (_pending)
            {
                return;
            }
            _pending = true;
            _pass = _pass.ContinueWith(_ => PassAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task PassAsync()
    {
        try
        {
            // Index updates from file events land before the changed paths are taken: a search must see them.
            await _similarity.FileEventsApplied.ConfigureAwait(false);
            HashSet<string> changed;
            lock (_gate)
            {
                _pending = false;
                changed = [.. _changed];
                _changed.Clear();
            }
            await SearchAsync(changed).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _server.Log.Warning($"Repeat incidents in workspace problems: {ex.Message}");
        }
    }

    private async Task SearchAsync(HashSet<string> changed)
    {
        var started = Stopwatch.GetTimestamp();
        var generation = _server.SettingsGeneration;
        var options = _server.Settings.Documents;
        var open = _server.Documents.All.Select(d => DocumentUri.ToPath(d.Uri)).OfType<string>().ToHashSet(Core.Files.FilePaths.Comparer);
        int searched = 0, withRepeats = 0, moved = 0;
        foreach (var file in _problems.Files)
        {
            if (_server.Lifecycle.IsShutdown)
            {
                return;
            }
            // Not checked under these settings yet: the pull that checks it asks for another pass.
            if (open.Contains(file.Path) || file.Current(generation) is not { Own: not null } report || report.RepeatsDisabled || report.Date is null)
            {
                continue;
            }
            if (report.Repeats is { } done && !done.Related.Overlaps(changed))
            {
                continue;
            }
            if (await _source!.FindForFileAsync(file.Path, options, _problems.TextOf, CancellationToken.None).ConfigureAwait(false) is not { } past)
            {
                return; // the index is being rebuilt: its Changed event brings the next pass
            }
            searched++;
            var repeats = ToRepeats(file, past, options);
            withRepeats += repeats.Items.Count > 0 ? 1 : 0;
            var before = report.Id;
            if (WorkspaceProblems.SetRepeats(file, report, repeats) && file.ResultId(generation) != before)
            {
                moved++;
            }
        }
        if (searched > 0)
        {
            _server.Log.Info($"Repeat incidents: {searched} workspace files searched in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms, {withRepeats} with LT030.");
        }
        if (moved > 0 && _server.PullDiagnostics && _server.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true)
        {
            _ = _server.RequestAsync<object?>("workspace/diagnostic/refresh", EmptyParams.Value, CancellationToken.None)
                .ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static WorkspaceProblems.Repeats ToRepeats(WorkspaceProblems.FileState file, IReadOnlyList<RecentSimilarIncident> past, DocumentOptions options)
    {
        if (past.Count == 0)
        {
            return WorkspaceProblems.Repeats.None;
        }
        var related = past.Select(p => p.Path).OfType<string>().ToHashSet(Core.Files.FilePaths.Comparer);
        // Parsed again only here, for the few files with a candidate: the anchor and inline disable comments need it.
        var document = IncidentDocument.Parse(file.Text, file.Path, options);
        var items = new DocumentChecker([new RepeatIncidentCheck(past)]).Check(document).Select(f => f.ToDiagnostic(document)).ToArray();
        return new WorkspaceProblems.Repeats(items, related);
    }
}
