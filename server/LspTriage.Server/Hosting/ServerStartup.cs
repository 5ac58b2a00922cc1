using LspTriage.Core;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// What the server does once the client says <c>initialized</c>: read the settings, ask to be told about file changes,
/// then scan the workspace for incidents and build the similar-incidents index, both with progress.
/// </summary>
internal sealed class ServerStartup
{
    private readonly ServerContext _context;
    private readonly SettingsSource _settings;
    private readonly WorkDoneProgress _progress;
    private readonly WorkspaceIncidents _incidents;
    private readonly SimilarityHost _similarity;

    public ServerStartup(ServerContext context, SettingsSource settings, WorkDoneProgress progress, WorkspaceIncidents incidents, SimilarityHost similarity)
    {
        _context = context;
        _settings = settings;
        _progress = progress;
        _incidents = incidents;
        _similarity = similarity;
    }

    /// <summary>Runs on the thread pool: the workspace scan reads files and must not hold up the ordered context.</summary>
    public Task RunAsync() => Task.Run(RunOnPoolAsync);

    private async Task RunOnPoolAsync()
    {
        // The first offline analysis pays for regex and JIT warm-up (~100 ms); pay it now, off the user's path.
        _ = Task.Run(Core.Analysis.Offline.OfflineAnalyzer.WarmUp);
        await _settings.RefreshAsync().ConfigureAwait(false);
        await RegisterFileWatcherAsync().ConfigureAwait(false);
        var similar = _similarity.ConfigureAsync();
        await ScanWorkspaceAsync().ConfigureAwait(false);
        await similar.ConfigureAwait(false);
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

    private async Task ScanWorkspaceAsync()
    {
        await using var progress = await _progress.BeginAsync("LspTriage: indexing incidents", cancellable: true, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var settings = _context.Settings;
            var started = _context.Time.GetTimestamp();
            var count = _incidents.Scan(_context.WorkspaceFolders, settings.HistoryFolders, settings.Documents, progress.Token);
            progress.EndMessage = $"{count} incident files";
            _context.Log.Info($"LspTriage {ProductVersion.Current}: {count} incident files indexed in {_context.Time.GetElapsedTime(started).TotalMilliseconds:F0} ms.");
        }
        catch (OperationCanceledException)
        {
            progress.EndMessage = "cancelled";
        }
    }
}
