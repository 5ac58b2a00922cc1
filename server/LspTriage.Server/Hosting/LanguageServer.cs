using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Checks;
using LspTriage.Server.Editing;
using LspTriage.Server.Features.Analysis;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Features;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// The language server over one pair of streams: LSP's Content-Length framing, System.Text.Json, and a
/// non-concurrent synchronization context (the ordered context) on which <see cref="RequestQueue"/> applies
/// notifications in arrival order while reading requests, after capturing their snapshot, run on the thread pool.
/// The handlers are the classes in Handlers/, found and created by <see cref="HandlerCatalog"/>; ARCHITECTURE.md
/// at the repository root walks through a request.
/// </summary>
public sealed class LanguageServer : System.IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ServerContext _context;
    private readonly WorkDoneProgress _progress;
    private readonly SimilarityHost _similarity;
    private readonly RequestQueue _queue;

    public LanguageServer(Stream input, Stream output, LanguageServerOptions? options = null)
    {
        options ??= new LanguageServerOptions();
        var messageHandler = new LspMessageHandler(output, input, LspJsonRpc.CreateFormatter());
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
        features.Commands.Add(new AnalyzeIncidentCommand(_context, _progress, editor, new AnalysisRunner(llm: new LlmAnalyzer(options.EnvironmentVariable))));
        features.CodeActions.Add(new AnalysisCodeActions());
        features.CodeLenses.Add(new AnalysisCodeLens());
        _similarity = new SimilarityHost(_context, _progress, options.ReadFile);
        features.Hovers.Add(new SimilarHover(_similarity));
        features.CodeLenses.Add(new SimilarCodeLens(_similarity));
        features.CodeActions.Add(new SimilarCodeActions());
        features.Commands.Add(new FindSimilarCommand(_similarity));
        features.Commands.Add(new InsertSimilarCommand(_similarity, editor));
        features.Commands.Add(new ReindexCommand(_similarity));
        features.CodeActions.Add(new Features.Timeline.TimelinePasteCodeActions());
        features.Hovers.Add(new Features.Timeline.TimelineMetricsHover());
        features.CodeActions.Add(new Features.Actions.CopyAsIssueCodeActions());
        features.Commands.Add(new Features.Actions.CopyAsIssueCommand(_context));
        options.AddFeatures?.Invoke(features);
        var computer = new DiagnosticsComputer(DocumentChecker.Default, _similarity);
        var publisher = new DiagnosticsPublisher(_context, computer, options.DiagnosticsDelay);
        _similarity.Changed += publisher.ScheduleAll;
        var settings = new SettingsSource(_context, publisher, _similarity);
        var incidents = new WorkspaceIncidents(options.ReadFile);
        var problems = new WorkspaceProblems(_context, incidents);
        var repeats = new WorkspaceRepeats(_context, problems, _similarity, computer);
        var startup = new ServerStartup(_context, settings, _progress, incidents, _similarity, problems, computer.Checker, options.ReadFile);

        _queue = new RequestQueue(_context);
        var history = new IncidentHistory(incidents, () => _context.Settings.Documents);
        object[] services = [_context, _queue, features, computer, publisher, settings, incidents, startup, _similarity, _progress, editor, history, problems, repeats];
        foreach (var handler in HandlerCatalog.Create(services))
        {
            _queue.Register(handler);
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
        _queue.Dispose();
        _rpc.Dispose();
        await _similarity.DisposeAsync().ConfigureAwait(false);
    }
}
