using System.Reflection;
using System.Text.Json;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class LifecycleHandler
{
    private readonly ServerContext _context;
    private readonly FeatureSet _features;
    private readonly Func<Task> _onInitialized;

    public LifecycleHandler(ServerContext context, FeatureSet features, Func<Task> onInitialized)
    {
        _context = context;
        _features = features;
        _onInitialized = onInitialized;
    }

    public static string Version { get; } =
        typeof(LifecycleHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams p)
    {
        if (_context.Lifecycle.IsInitialized)
        {
            throw new LocalRpcException("initialize was already called.") { ErrorCode = ErrorCodes.InvalidRequest };
        }
        _context.Capabilities = p.Capabilities ?? _context.Capabilities;
        _context.InitializationOptions = p.InitializationOptions;
        _context.WorkspaceFolders = WorkspaceFolderPaths(p);
        _context.PullDiagnostics = ChoosePull(p);
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } options && options.TryGetProperty("settings", out var settings))
        {
            _context.Settings = ServerSettings.FromJson(settings);
        }
        _context.Log.Level = ClientLogger.ParseLevel(p.Trace is "verbose" ? "debug" : _context.Settings.LogLevel);
        _context.Lifecycle.MarkInitialized();
        return new InitializeResult(Capabilities(), new ServerInfo("lsptriage", Version));
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? parameters)
    {
        if (_context.Lifecycle.AcceptsNotifications)
        {
            _ = _onInitialized();
        }
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _context.Lifecycle.EnsureServing();
        _context.Lifecycle.MarkShutdown();
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _context.Lifecycle.Exit();

    [JsonRpcMethod("$/setTrace", UseSingleObjectParameterDeserialization = true)]
    public void SetTrace(SetTraceParams p) =>
        _context.Log.Level = ClientLogger.ParseLevel(p.Value == "verbose" ? "debug" : p.Value == "off" ? "warning" : "info");

    private ServerCapabilities Capabilities() => new()
    {
        TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental, Save: new SaveOptions(IncludeText: false)),
        DiagnosticProvider = _context.PullDiagnostics ? new DiagnosticOptions("lsptriage", InterFileDependencies: false, WorkspaceDiagnostics: false) : null,
        CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.Refactor], ResolveProvider: false),
        DocumentSymbolProvider = true,
        FoldingRangeProvider = true,
        WorkspaceSymbolProvider = true,
        HoverProvider = _features.Hovers.Count > 0,
        CompletionProvider = new CompletionOptions(CompletionHandler.TriggerCharacters, ResolveProvider: false),
        CodeLensProvider = _features.CodeLenses.Count > 0 ? new CodeLensOptions(ResolveProvider: false) : null,
        ExecuteCommandProvider = _features.Commands.Count > 0 ? new ExecuteCommandOptions(_features.Commands.Select(c => c.Name).ToArray()) : null,
        Workspace = new ServerWorkspaceCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)),
    };

    /// <summary>
    /// Pull diagnostics when the client can pull, push otherwise; never both, or a client that does both (VS Code)
    /// shows every problem twice. <c>initializationOptions.diagnosticMode</c> ("push" | "pull") overrides.
    /// </summary>
    private static bool ChoosePull(InitializeParams p)
    {
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } o
            && o.TryGetProperty("diagnosticMode", out var mode) && mode.ValueKind == JsonValueKind.String)
        {
            return mode.GetString() == "pull";
        }
        return p.Capabilities?.TextDocument?.Diagnostic is not null;
    }

    private static IReadOnlyList<string> WorkspaceFolderPaths(InitializeParams p)
    {
        var uris = p.WorkspaceFolders?.Select(f => f.Uri) ?? (p.RootUri is { } root ? [root] : []);
        return uris.Select(DocumentUri.ToPath).OfType<string>().ToArray();
    }
}
