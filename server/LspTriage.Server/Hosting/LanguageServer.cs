using System.Text.Json;
using System.Text.Json.Serialization;
using LspTriage.Core.Analysis;
using LspTriage.Core.Checks;
using LspTriage.Server.Editing;
using LspTriage.Server.Features.Analysis;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Features;
using LspTriage.Server.Handlers;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// The language server over one pair of streams: LSP's Content-Length framing, System.Text.Json, and a
/// non-concurrent synchronization context so state-changing notifications apply in the order they arrive while
/// requests, after capturing their snapshot, run concurrently on the thread pool.
/// </summary>
public sealed class LanguageServer : System.IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ServerContext _context;
    private readonly WorkspaceIncidents _incidents = new();
    private readonly ConfigurationHandler _configuration;
    private readonly WorkDoneProgress _progress;
    private readonly SimilarityHost _similarity;

    public LanguageServer(Stream input, Stream output, LanguageServerOptions? options = null)
    {
        options ??= new LanguageServerOptions();
        var formatter = new SystemTextJsonFormatter
        {
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            },
        };
        var messageHandler = new LspMessageHandler(output, input, formatter);
        var rpc = new LspJsonRpc(messageHandler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        _rpc = rpc;
        _context = new ServerContext(_rpc, options.Time);
        _progress = new WorkDoneProgress(_context);
        messageHandler.MalformedMessage += problem => _context.Log.Error($"Ignored a malformed message: {problem}");
        rpc.InternalError = (method, ex) => _context.Log.Error($"{method} failed: {ex}");
        // The editor shows the server's stderr in its log: the one place left to say why a connection ended.
        rpc.Disconnected += (_, e) =>
        {
            if (e.Reason is not (DisconnectedReason.RemotePartyTerminated or DisconnectedReason.LocallyDisposed))
            {
                Console.Error.WriteLine($"lsptriage: connection ended: {e.Reason}: {e.Description} {e.Exception}");
            }
        };
        var features = new FeatureSet();
        var editor = new DocumentEditor(_context);
        features.Commands.Add(new AnalyzeIncidentCommand(_context, _progress, editor, new AnalysisRunner()));
        features.CodeActions.Add(new AnalysisCodeActions(_context));
        features.CodeLenses.Add(new AnalysisCodeLens());
        _similarity = new SimilarityHost(_context, _progress);
        features.Hovers.Add(new SimilarHover(_similarity));
        features.CodeLenses.Add(new SimilarCodeLens(_similarity));
        features.CodeActions.Add(new SimilarCodeActions());
        features.Commands.Add(new FindSimilarCommand(_context, _similarity));
        features.Commands.Add(new InsertSimilarCommand(_context, _similarity, editor));
        features.Commands.Add(new ReindexCommand(_similarity));
        options.AddFeatures?.Invoke(features);
        var computer = new DiagnosticsComputer(DocumentChecker.Default);
        var publisher = new DiagnosticsPublisher(_context, computer, options.DiagnosticsDelay);
        _configuration = new ConfigurationHandler(_context, settings => OnSettingsChanged(settings, publisher));

        var targetOptions = new JsonRpcTargetOptions { DisposeOnDisconnect = false };
        object[] targets =
        [
            new LifecycleHandler(_context, features, OnInitializedAsync),
            new TextSyncHandler(_context, publisher),
            new PullDiagnosticsHandler(_context, computer),
            new CodeActionHandler(_context, computer, features),
            new DocumentSymbolHandler(_context),
            new FoldingRangeHandler(_context),
            new WorkspaceSymbolHandler(_context, _incidents),
            new WatchedFilesHandler(_context, _incidents, _similarity),
            new ExecuteCommandHandler(_context, features),
            new HoverHandler(_context, features),
            new CompletionHandler(_context, new IncidentHistory(_incidents, () => _context.Settings.Documents)),
            new CodeLensHandler(_context, features),
            _configuration,
            _progress,
        ];
        foreach (var target in targets)
        {
            _rpc.AddLocalRpcTarget(target, targetOptions);
        }
    }

    /// <summary>Serves until <c>exit</c> or until the client goes away; returns the process exit code LSP prescribes.</summary>
    public async Task<int> RunAsync()
    {
        _rpc.StartListening();
        var finished = await Task.WhenAny(_rpc.Completion, _context.Lifecycle.Exited).ConfigureAwait(false);
        if (finished == _context.Lifecycle.Exited)
        {
            return await _context.Lifecycle.Exited.ConfigureAwait(false);
        }
        try
        {
            await _rpc.Completion.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The stream broke; the exit code below says whether that was after a clean shutdown.
        }
        return _context.Lifecycle.IsShutdown ? 0 : 1;
    }

    /// <summary>
    /// Closes the connection without waiting for the reader: after <c>exit</c> it may be blocked on a stdin that the
    /// client never closes, and the process must end all the same.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        await _similarity.DisposeAsync().ConfigureAwait(false);
    }

    private async Task OnInitializedAsync()
    {
        // The first offline analysis pays for regex and JIT warm-up (~100 ms); pay it now, off the user's path.
        _ = Task.Run(Core.Analysis.Offline.OfflineAnalyzer.WarmUp);
        await _configuration.RefreshAsync().ConfigureAwait(false);
        await RegisterFileWatchersAsync().ConfigureAwait(false);
        var similar = _similarity.ConfigureAsync();
        await ScanWorkspaceAsync().ConfigureAwait(false);
        await similar.ConfigureAwait(false);
    }

    private async Task RegisterFileWatchersAsync()
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
        await TaskScheduler.Default;
        try
        {
            var settings = _context.Settings;
            var started = _context.Time.GetTimestamp();
            var count = _incidents.Scan(_context.WorkspaceFolders, settings.HistoryFolders, settings.Documents, progress.Token);
            progress.EndMessage = $"{count} incident files";
            _context.Log.Info($"LspTriage {LifecycleHandler.Version}: {count} incident files indexed in {_context.Time.GetElapsedTime(started).TotalMilliseconds:F0} ms.");
        }
        catch (OperationCanceledException)
        {
            progress.EndMessage = "cancelled";
        }
    }

    private void OnSettingsChanged(ServerSettings settings, DiagnosticsPublisher publisher)
    {
        if (_context.Lifecycle.IsInitialized)
        {
            _ = _similarity.ConfigureAsync();
        }
        foreach (var document in _context.Documents.All)
        {
            var updated = document.WithOptions(settings.Documents);
            _context.Documents.Set(updated);
            publisher.Schedule(updated);
        }
        if (_context.PullDiagnostics && _context.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true)
        {
            _ = _context.RequestAsync<object?>("workspace/diagnostic/refresh", new { }, CancellationToken.None)
                .ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }
}
