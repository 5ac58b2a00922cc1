using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// LSP's lifecycle: nothing but <c>initialize</c> before it (-32002), nothing but <c>exit</c> after <c>shutdown</c>,
/// and an exit code of 0 only when <c>exit</c> follows <c>shutdown</c>.
/// </summary>
internal sealed class ServerLifecycle
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _initialized;
    private volatile bool _shutdown;

    public bool IsInitialized => _initialized;

    public bool IsShutdown => _shutdown;

    public Task<int> Exited => _exit.Task;

    public void MarkInitialized() => _initialized = true;

    public void MarkShutdown() => _shutdown = true;

    public void Exit() => _exit.TrySetResult(_shutdown ? 0 : 1);

    /// <summary>Guards a request: throws the error LSP prescribes when the server cannot serve it now.</summary>
    public void EnsureServing()
    {
        if (!_initialized)
        {
            throw new LocalRpcException("The server has not been initialized.") { ErrorCode = ErrorCodes.ServerNotInitialized };
        }
        if (_shutdown)
        {
            throw new LocalRpcException("The server is shutting down.") { ErrorCode = ErrorCodes.InvalidRequest };
        }
    }

    /// <summary>Notifications before initialize and after shutdown are dropped, as the specification says.</summary>
    public bool AcceptsNotifications => _initialized && !_shutdown;
}
