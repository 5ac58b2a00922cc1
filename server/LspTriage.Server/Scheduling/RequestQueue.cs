using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Scheduling;

/// <summary>
/// The one dispatch path for every method, in the spirit of Roslyn's CLaSP <c>RequestExecutionQueue</c>. StreamJsonRpc
/// delivers messages in arrival order on a non-concurrent synchronization context (the ordered context). Here:
/// notifications and mutating requests run there, alone and to completion; reading requests capture a
/// <see cref="RequestContext"/> there and then leave for the thread pool, with one token that the client's
/// <c>$/cancelRequest</c> and the server's end both cancel. The lifecycle rules (nothing before <c>initialize</c>,
/// nothing after <c>shutdown</c>) are applied here once for all methods.
/// </summary>
internal sealed class RequestQueue : IDisposable
{
    private readonly ServerContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IMethodHandler> _handlers = [];

    public RequestQueue(ServerContext context) => _context = context;

    /// <summary>The capabilities every registered method advertises, folded in registration order.</summary>
    public ServerCapabilities Advertise() => _handlers.Aggregate(new ServerCapabilities(), (capabilities, handler) => handler.Advertise(capabilities));

    /// <summary>Adds a handler to the connection; call before it starts listening.</summary>
    public void Register(IMethodHandler handler)
    {
        handler.RegisterWith(this);
        _handlers.Add(handler);
    }

    internal void AddNotification<TParams>(INotificationHandler<TParams> handler)
    {
        var adapter = new NotificationAdapter<TParams>(this, handler);
        Add(handler, typeof(TParams) == typeof(NoParams) ? new Action(adapter.InvokeWithoutParams) : new Action<TParams>(adapter.Invoke));
    }

    internal void AddMutatingRequest<TParams, TResult>(IMutatingRequestHandler<TParams, TResult> handler)
    {
        var adapter = new MutatingRequestAdapter<TParams, TResult>(this, handler);
        Add(handler, typeof(TParams) == typeof(NoParams) ? new Func<TResult>(adapter.InvokeWithoutParams) : new Func<TParams, TResult>(adapter.Invoke));
    }

    internal void AddRequest<TParams, TResult>(IRequestHandler<TParams, TResult> handler)
    {
        var adapter = new RequestAdapter<TParams, TResult>(this, handler);
        Add(handler, typeof(TParams) == typeof(NoParams)
            ? new Func<CancellationToken, Task<TResult>>(adapter.InvokeWithoutParams)
            : new Func<TParams, CancellationToken, Task<TResult>>(adapter.Invoke));
    }

    /// <summary>StreamJsonRpc binds params to the adapter method's one parameter (besides the token) by its type.</summary>
    private void Add(IMethodHandler handler, Delegate invoke)
    {
        var parameterless = invoke.Method.GetParameters().All(p => p.ParameterType == typeof(CancellationToken));
        _context.Rpc.AddLocalRpcMethod(invoke.Method, invoke.Target, new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = !parameterless });
    }

    /// <summary>Cancels every reading request still running: the connection is going away.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private RequestContext Capture() =>
        new(_context.Documents.Snapshot, _context.Settings, _context.SettingsGeneration);

    private void EnsureServing(IMethodHandler handler)
    {
        if (!handler.IgnoresLifecycle)
        {
            _context.Lifecycle.EnsureServing();
        }
    }

    private bool Accepts(IMethodHandler handler) => handler.IgnoresLifecycle || _context.Lifecycle.AcceptsNotifications;

    /// <summary>A notification has no response to carry an error: a failure is logged and the server carries on.</summary>
    private void Notify<TParams>(INotificationHandler<TParams> handler, TParams parameters)
    {
        if (!Accepts(handler))
        {
            return;
        }
        try
        {
            handler.Apply(parameters);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _context.Log.Error($"{handler.Method} failed: {ex.Message}");
        }
    }

    private async Task<TResult> ReadAsync<TParams, TResult>(IRequestHandler<TParams, TResult> handler, TParams parameters, CancellationToken cancellationToken)
    {
        // Still on the ordered context, in message order: the only work done here is taking the snapshot.
        EnsureServing(handler);
        var context = Capture();
        using var combined = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        // Task.Run, not `await TaskScheduler.Default`: the ordered context does not set itself as the current
        // synchronization context, so that await would complete at once and the handler would run right here.
        return await Task.Run(() => handler.HandleAsync(parameters, context, combined.Token), combined.Token).ConfigureAwait(false);
    }

    // StreamJsonRpc binds params to the Invoke method's one parameter by its type: one small adapter per handler.
    private sealed class NotificationAdapter<TParams>(RequestQueue queue, INotificationHandler<TParams> handler)
    {
        public void Invoke(TParams parameters) => queue.Notify(handler, parameters);

        public void InvokeWithoutParams() => queue.Notify(handler, (TParams)(object)NoParams.Value);
    }

    private sealed class MutatingRequestAdapter<TParams, TResult>(RequestQueue queue, IMutatingRequestHandler<TParams, TResult> handler)
    {
        public TResult Invoke(TParams parameters)
        {
            queue.EnsureServing(handler);
            return handler.Apply(parameters);
        }

        public TResult InvokeWithoutParams() => Invoke((TParams)(object)NoParams.Value);
    }

    private sealed class RequestAdapter<TParams, TResult>(RequestQueue queue, IRequestHandler<TParams, TResult> handler)
    {
        public Task<TResult> Invoke(TParams parameters, CancellationToken cancellationToken) => queue.ReadAsync(handler, parameters, cancellationToken);

        public Task<TResult> InvokeWithoutParams(CancellationToken cancellationToken) => Invoke((TParams)(object)NoParams.Value, cancellationToken);
    }
}
