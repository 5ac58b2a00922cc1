using LspTriage.Core.Analysis.Redaction;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// The server's log, sent to the client as <c>window/logMessage</c> (VS Code shows it in the output channel).
/// The level comes from the <c>lspTriage.logLevel</c> setting or <c>$/setTrace</c>. Never log secrets: callers pass
/// messages that name settings, not their values.
/// </summary>
internal sealed class ClientLogger
{
    private readonly JsonRpc _rpc;

    public ClientLogger(JsonRpc rpc) => _rpc = rpc;

    public int Level { get; set; } = MessageType.Info;

    public void Error(string message) => Send(MessageType.Error, message);

    public void Warning(string message) => Send(MessageType.Warning, message);

    public void Info(string message) => Send(MessageType.Info, message);

    public void Debug(string message) => Send(MessageType.Log, message);

    public static int ParseLevel(string level) => level.ToLowerInvariant() switch
    {
        "error" or "off" => MessageType.Error,
        "warning" or "warn" => MessageType.Warning,
        "debug" or "verbose" or "trace" => MessageType.Log,
        _ => MessageType.Info,
    };

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Params objects are serialized through LspJsonContext.")]
    private void Send(int type, string message)
    {
        if (type > Level)
        {
            return;
        }
        // The last line of defence for credentials in URLs (a base URL with user info quoted in an error).
        _ = _rpc.NotifyWithParameterObjectAsync("window/logMessage", new LogMessageParams(type, UrlCredentials.Strip(message)))
            .ContinueWith(static _ => { }, TaskScheduler.Default);
    }
}
