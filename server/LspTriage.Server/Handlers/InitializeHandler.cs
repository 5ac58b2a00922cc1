using System.Text.Json;
using LspTriage.Core;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary><c>initialize</c>: records what the client can do and answers the capabilities of the registered handlers.</summary>
internal sealed class InitializeHandler(ServerContext context, RequestQueue queue) : IMutatingRequestHandler<InitializeParams, InitializeResult>
{
    public string Method => "initialize";

    public bool IgnoresLifecycle => true;

    public InitializeResult Apply(InitializeParams p)
    {
        StartupTrace.Mark("initialize received");
        if (context.Lifecycle.IsInitialized)
        {
            throw new LocalRpcException("initialize was already called.") { ErrorCode = ErrorCodes.InvalidRequest };
        }
        context.Capabilities = p.Capabilities ?? context.Capabilities;
        context.WorkspaceFolders = WorkspaceFolderPaths(p);
        context.PullDiagnostics = ChoosePull(p);
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } options && options.TryGetProperty("settings", out var settings))
        {
            context.Settings = ServerSettings.FromJson(settings);
        }
        context.Log.Level = ClientLogger.ParseLevel(p.Trace is "verbose" ? "debug" : context.Settings.LogLevel);
        context.Lifecycle.MarkInitialized();
        var result = new InitializeResult(queue.Advertise(), new ServerInfo("lsptriage", ProductVersion.Current));
        StartupTrace.Mark("initialize handled");
        return result;
    }

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
