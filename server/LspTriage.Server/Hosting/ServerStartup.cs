using LspTriage.Core;
using LspTriage.Core.Checks;
using LspTriage.Core.Files;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// What the server does once the client says <c>initialized</c>: read the settings, ask to be told about file changes,
/// then scan the workspace for incidents — one scan that reads each file once (<see cref="IncidentScan"/>) and feeds
/// both the incident list (<see cref="WorkspaceIncidents"/>) and the similar-incidents index (<see cref="SimilarityHost"/>),
/// with progress. When the client pulls diagnostics, the scanned workspace files are also checked before the index
/// is built (<see cref="WorkspaceProblems.CheckAll"/>): the index's feature extraction would otherwise share the cores
/// with the first <c>workspace/diagnostic</c> and make it wait. The same scan runs again when workspace folders or the
/// settings that choose incident files change.
/// </summary>
internal sealed class ServerStartup
{
    private readonly ServerContext _context;
    private readonly SettingsSource _settings;
    private readonly WorkDoneProgress _progress;
    private readonly WorkspaceIncidents _incidents;
    private readonly SimilarityHost _similarity;
    private readonly WorkspaceProblems _problems;
    private readonly DocumentChecker _checker;
    private readonly Func<string, string>? _readFile;
    private readonly object _scanGate = new();
    private Task _scan = Task.CompletedTask;
    private Task? _pending;
    private bool _pendingFoldersChanged;
    private volatile bool _firstScanAsked;

    public ServerStartup(ServerContext context, SettingsSource settings, WorkDoneProgress progress, WorkspaceIncidents incidents, SimilarityHost similarity,
        WorkspaceProblems problems, DocumentChecker checker, Func<string, string>? readFile = null)
    {
        _problems = problems;
        _checker = checker;
        _readFile = readFile;
        _context = context;
        _settings = settings;
        _progress = progress;
        _incidents = incidents;
        _similarity = similarity;
        // Other globs or history folders make other files incidents: the list is rebuilt, not patched. Before the first
        // scan is asked for there is nothing to rebuild: that scan reads the settings as they are when it starts (the
        // client's, fetched at start-up, would otherwise read every file twice and drop what the first scan found).
        settings.FilesChanged += () =>
        {
            if (_firstScanAsked)
            {
                _ = RescanWorkspaceAsync();
            }
        };
    }

    /// <summary>
    /// Completes when the scans asked for so far have loaded the incident list (and checked it, for a pulling client).
    /// Never faults: a scan that failed leaves the list as it was, and pulls answer with that.
    /// </summary>
    public Task Scanned
    {
        get
        {
            lock (_scanGate)
            {
                return _scan.IsCompletedSuccessfully ? _scan : _scan.ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Runs on the thread pool: the workspace scan reads files and must not hold up the ordered context.</summary>
    public Task RunAsync() => Task.Run(RunOnPoolAsync);

    private async Task RunOnPoolAsync()
    {
        // The first offline analysis pays for regex and JIT warm-up (~100 ms); pay it now, off the user's path.
        _ = Task.Run(Core.Analysis.Offline.OfflineAnalyzer.WarmUp);
        await _settings.RefreshAsync().ConfigureAwait(false);
        await RegisterFileWatcherAsync().ConfigureAwait(false);
        _firstScanAsked = true;
        await RescanWorkspaceAsync().ConfigureAwait(false);
    }

    /// <summary>One watcher for every markdown file: the incident list and the similarity index both listen to it.</summary>
    private async Task RegisterFileWatcherAsync()
    {
        if (_context.Capabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration != true)
        {
            return;
        }
        var registration = new Registration("lsptriage-watched-files", "workspace/didChangeWatchedFiles",
            new DidChangeWatchedFilesRegistrationOptions([new Protocol.FileSystemWatcher("**/*.md")]));
        try
        {
            await _context.RequestAsync<object?>("client/registerCapability", new RegistrationParams([registration]), CancellationToken.None).ConfigureAwait(false);
        }
        catch (RemoteInvocationException ex)
        {
            _context.Log.Warning($"The client refused file watching ({ex.Message}); workspace symbols update only on restart.");
        }
    }

    /// <summary>
    /// Scans after any scan already running, so the incident list reflects the latest settings. Completes when the
    /// incident list is loaded and the similarity index has been handed the scan (not when it is built:
    /// <see cref="SimilarityHost.Indexed"/>). <paramref name="foldersChanged"/>: the workspace folders changed, so the
    /// index is rebuilt even though its settings did not.
    /// </summary>
    public Task RescanWorkspaceAsync(bool foldersChanged = false)
    {
        lock (_scanGate)
        {
            _pendingFoldersChanged |= foldersChanged;
            // A scan queued and not started yet reads the settings and folders as they are when it starts: a second
            // request before then (the client's settings arriving at start-up) is the same scan, not another one.
            if (_pending is not null)
            {
                return _pending;
            }
            // The continuation takes the lock, so it cannot run before _pending is assigned below.
            _pending = _scan.ContinueWith(_ =>
            {
                bool folders;
                lock (_scanGate)
                {
                    _pending = null;
                    folders = _pendingFoldersChanged;
                    _pendingFoldersChanged = false;
                }
                return ScanWorkspaceAsync(folders);
            }, TaskScheduler.Default).Unwrap();
            _scan = _pending;
            return _scan;
        }
    }

    private async Task ScanWorkspaceAsync(bool foldersChanged)
    {
        await using var progress = await _progress.BeginAsync("LspTriage: indexing incidents", cancellable: true, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var settings = _context.Settings;
            var started = _context.Time.GetTimestamp();
            var folders = _context.WorkspaceFolders;
            var scan = IncidentScan.Read(folders, settings.HistoryFoldersIn(folders), settings.Documents.IsIncidentPath, _readFile, progress.Token);
            var count = _incidents.Load(scan, progress.Token);
            var read = _context.Time.GetElapsedTime(started);
            var checkedNote = "";
            if (_context.PullDiagnostics)
            {
                _problems.CheckAll(settings.Documents, _context.SettingsGeneration, _checker, progress.Token);
                checkedNote = $", checked in {(_context.Time.GetElapsedTime(started) - read).TotalMilliseconds:F0} ms";
            }
            progress.EndMessage = $"{count} incident files";
            _context.Log.Info($"LspTriage {ProductVersion.Current}: {count} incident files indexed in {read.TotalMilliseconds:F0} ms ({scan.Files.Count} files read once){checkedNote}.");
            // The similarity index is built from the texts just read; a request that needs it waits for it.
            _ = _similarity.ConfigureAsync(force: foldersChanged, scan: scan);
        }
        catch (OperationCanceledException)
        {
            progress.EndMessage = "cancelled";
            // The incident list stays partial; similar incidents still need an index, read by the index itself.
            _ = _similarity.ConfigureAsync(force: true);
        }
    }
}
