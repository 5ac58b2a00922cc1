using LspTriage.Server.Protocol;

namespace LspTriage.Server.Scheduling;

/// <summary>
/// One LSP method. Every class in this assembly that implements one of the interfaces below is created at start-up and
/// dispatched by <see cref="RequestQueue"/>; the interface it implements declares how it is scheduled.
/// </summary>
internal interface IMethodHandler
{
    /// <summary>The LSP method name, e.g. <c>textDocument/hover</c>.</summary>
    string Method { get; }

    /// <summary>
    /// True only for the methods that must work outside the initialized-and-not-shut-down window (<c>initialize</c>,
    /// <c>exit</c>); for every other method the queue answers or drops as the specification prescribes.
    /// </summary>
    bool IgnoresLifecycle => false;

    /// <summary>What this method adds to the capabilities <c>initialize</c> answers, so the two cannot disagree.</summary>
    ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities;

    /// <summary>
    /// Adds this handler to the queue with its params and result types known at compile time; the three interfaces
    /// below implement it, so no handler does. (No MakeGenericType at start-up: Native AOT compiles every adapter.)
    /// </summary>
    internal void RegisterWith(RequestQueue queue);
}

/// <summary>
/// A notification. Notifications change server state (documents, settings, folders), so they run one at a time, in the
/// order they arrived, on the ordered context. They are synchronous: a handler cannot give the context away midway.
/// </summary>
internal interface INotificationHandler<in TParams> : IMethodHandler
{
    void Apply(TParams parameters);

    void IMethodHandler.RegisterWith(RequestQueue queue) => queue.AddNotification(this);
}

/// <summary>A request that changes server state (<c>initialize</c>, <c>shutdown</c>): ordered and synchronous like a notification.</summary>
internal interface IMutatingRequestHandler<in TParams, out TResult> : IMethodHandler
{
    TResult Apply(TParams parameters);

    void IMethodHandler.RegisterWith(RequestQueue queue) => queue.AddMutatingRequest(this);
}

/// <summary>
/// A request that reads. The queue captures its <see cref="RequestContext"/> in message order, then runs it on the thread
/// pool, so parsing, checks and searches never hold up the edits that follow.
/// </summary>
internal interface IRequestHandler<in TParams, TResult> : IMethodHandler
{
    Task<TResult> HandleAsync(TParams parameters, RequestContext context, CancellationToken cancellationToken);

    void IMethodHandler.RegisterWith(RequestQueue queue) => queue.AddRequest(this);
}

/// <summary>The params type of a method that takes none (<c>shutdown</c>, <c>exit</c>).</summary>
internal sealed record NoParams
{
    public static readonly NoParams Value = new();
}
