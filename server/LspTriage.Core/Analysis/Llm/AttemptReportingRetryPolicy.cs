using System.ClientModel.Primitives;

namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// The SDK's retries (with its back-off and Retry-After handling), saying so in the progress when a request is sent
/// again: without it the user watches "Asking the model" for minutes and cannot tell a slow answer from a retry loop.
/// </summary>
internal sealed class AttemptReportingRetryPolicy(int maxRetries, Action<int, int> onRetry) : ClientRetryPolicy(maxRetries)
{
    private readonly int _maxAttempts = maxRetries + 1;
    private int _attempts;

    /// <summary>
    /// The transport error of the last attempt that failed without an answer (connection refused, DNS): when the
    /// deadline ends the retries, this is what the user needs to hear, not "did not answer in time".
    /// </summary>
    public Exception? LastTransportError { get; private set; }

    protected override void OnSendingRequest(PipelineMessage message)
    {
        Count();
        base.OnSendingRequest(message);
    }

    protected override ValueTask OnSendingRequestAsync(PipelineMessage message)
    {
        Count();
        return base.OnSendingRequestAsync(message);
    }

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        Remember(exception);
        return base.ShouldRetry(message, exception);
    }

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception)
    {
        Remember(exception);
        return base.ShouldRetryAsync(message, exception);
    }

    private void Remember(Exception? exception)
    {
        // The SDK's transport wraps the HttpRequestException in a ClientResultException with status 0.
        if (exception is HttpRequestException or System.Net.Sockets.SocketException
            || exception?.InnerException is HttpRequestException or System.Net.Sockets.SocketException)
        {
            LastTransportError = exception;
        }
    }

    private void Count()
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt > 1)
        {
            onRetry(attempt, _maxAttempts);
        }
    }
}
