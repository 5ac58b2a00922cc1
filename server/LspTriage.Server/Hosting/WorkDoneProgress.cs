using System.Collections.Concurrent;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// Server-initiated work-done progress (<c>window/workDoneProgress/create</c> then <c>$/progress</c>), cancellable from
/// the editor's progress UI through <c>window/workDoneProgress/cancel</c>. A client without progress support gets none,
/// and the work runs the same.
/// </summary>
internal sealed class WorkDoneProgress
{
    private readonly ServerContext _context;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public WorkDoneProgress(ServerContext context) => _context = context;

    public async Task<ProgressScope> BeginAsync(string title, bool cancellable, CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_context.Capabilities.Window?.WorkDoneProgress != true)
        {
            return new ProgressScope(this, null, cts);
        }
        var token = $"lsptriage-{Guid.NewGuid():N}";
        try
        {
            await _context.RequestAsync<object?>("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteInvocationException)
        {
            return new ProgressScope(this, null, cts);
        }
        _running[token] = cts;
        await SendAsync(token, new WorkDoneProgressBegin(title, cancellable, null, 0)).ConfigureAwait(false);
        return new ProgressScope(this, token, cts);
    }

    /// <summary>The user cancelled the work behind <paramref name="token"/> in the editor's progress UI.</summary>
    public void Cancel(string token)
    {
        if (_running.TryGetValue(token, out var cts))
        {
            cts.Cancel();
        }
    }

    internal Task SendAsync<T>(string token, T value) =>
        _context.NotifyAsync("$/progress", new ProgressParams<T>(token, value));

    internal void Forget(string token) => _running.TryRemove(token, out _);
}

/// <summary>One running piece of work: report on it, then dispose to end it.</summary>
internal sealed class ProgressScope : IAsyncDisposable
{
    private readonly WorkDoneProgress _owner;
    private readonly string? _token;
    private readonly CancellationTokenSource _cts;
    private int _ended;

    public ProgressScope(WorkDoneProgress owner, string? token, CancellationTokenSource cts)
    {
        _owner = owner;
        _token = token;
        _cts = cts;
    }

    /// <summary>Cancelled by the request's own cancellation or by the user in the progress UI.</summary>
    public CancellationToken Token => _cts.Token;

    public string? EndMessage { get; set; }

    /// <summary>Reports after the end are dropped: LSP clients must never see a report for an ended token.</summary>
    public Task ReportAsync(string message, int? percentage = null) =>
        _token is null || Volatile.Read(ref _ended) != 0 ? Task.CompletedTask : _owner.SendAsync(_token, new WorkDoneProgressReport(message, percentage));

    /// <summary>A progress sink that reports synchronously (unlike <see cref="Progress{T}"/>, which posts and can
    /// deliver after the work has ended).</summary>
    public IProgress<T> Sink<T>(Func<T, (string Message, int? Percentage)?> describe) => new SyncProgress<T>(value =>
    {
        if (describe(value) is { } report)
        {
            _ = ReportAsync(report.Message, report.Percentage);
        }
    });

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }
        if (_token is not null)
        {
            _owner.Forget(_token);
            try
            {
                await _owner.SendAsync(_token, new WorkDoneProgressEnd(EndMessage)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException)
            {
            }
        }
        _cts.Dispose();
    }
}

/// <summary>An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, in order.</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
