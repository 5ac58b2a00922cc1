using System.Diagnostics.CodeAnalysis;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>What every handler shares: the connection, the client's capabilities, the settings and the open documents.</summary>
internal sealed class ServerContext
{
    private volatile ServerSettings _settings = ServerSettings.Default;
    private int _settingsGeneration;

    public ServerContext(JsonRpc rpc, TimeProvider time)
    {
        Rpc = rpc;
        Time = time;
        Log = new ClientLogger(rpc);
    }

    public JsonRpc Rpc { get; }

    public TimeProvider Time { get; }

    public ClientLogger Log { get; }

    public DocumentStore Documents { get; } = new();

    public ServerLifecycle Lifecycle { get; } = new();

    public ClientCapabilities Capabilities { get; set; } = new(null, null, null, null);

    public IReadOnlyList<string> WorkspaceFolders { get; set; } = [];

    public ServerSettings Settings
    {
        get => _settings;
        set
        {
            _settings = value;
            Interlocked.Increment(ref _settingsGeneration);
        }
    }

    /// <summary>Changes whenever settings do: part of pull-diagnostic result ids, since settings change findings.</summary>
    public int SettingsGeneration => Volatile.Read(ref _settingsGeneration);

    /// <summary>True when diagnostics are pulled by the client (textDocument/diagnostic) rather than pushed.</summary>
    public bool PullDiagnostics { get; set; }

    /// <summary>
    /// Runs a state change that did not arrive as a notification (a settings answer) on the ordered context, between
    /// notifications, as if it were one.
    /// </summary>
    public Task InOrderAsync(Action change)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ordered = Rpc.SynchronizationContext ?? throw new InvalidOperationException("The connection has no ordered context.");
        ordered.Post(_ =>
        {
            try
            {
                change();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }, null);
        return done.Task;
    }

    // SystemTextJsonFormatter writes a params object whole, with the options' resolver (LspJsonContext): nothing is
    // reflected over (checked under Native AOT by the real-client tests).
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Params objects are serialized through LspJsonContext.")]
    public Task NotifyAsync(string method, object parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Params objects are serialized through LspJsonContext.")]
    public Task<T> RequestAsync<T>(string method, object parameters, CancellationToken cancellationToken) =>
        Rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellationToken);
}
