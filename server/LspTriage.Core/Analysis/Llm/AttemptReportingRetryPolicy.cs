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

    private void Count()
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt > 1)
        {
            onRetry(attempt, _maxAttempts);
        }
    }
}
