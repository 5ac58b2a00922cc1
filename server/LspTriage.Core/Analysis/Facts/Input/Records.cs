namespace LspTriage.Core.Analysis.Facts;

/// <summary>A row of <c>kubectl get pods</c>: <see cref="Restarts"/> is the count, not the column header.</summary>
public sealed record PodRow(string? Namespace, string Name, string Ready, string Status, int Restarts, ContextClause Clause);

/// <summary>
/// A container's state as kubectl prints it (<c>State: Waiting / Reason: CrashLoopBackOff</c>, <c>Last State: Terminated /
/// Reason: OOMKilled / Exit Code: 137</c>), or a pod's STATUS cell. <see cref="Clause"/> holds the reason.
/// </summary>
public sealed record ContainerState(string? Pod, string Reason, int? ExitCode, bool IsLastState, ContextClause Clause);

/// <summary>A Kubernetes event from <c>describe</c>'s Events or <c>get events</c>; <see cref="Count"/> from "(x12 over 5m)".</summary>
public sealed record KubeEvent(string Type, string Reason, string? Object, string Message, int Count, ContextClause Clause);

/// <summary>An alert from a webhook payload or an Alertmanager message: its name, status, labels and summary.</summary>
public sealed record AlertFact(string? Name, string? Status, IReadOnlyDictionary<string, string> Labels, string? Summary);

/// <summary>An error- or warning-level log line; <see cref="Message"/> is its verbatim message (the <c>msg</c> of a JSON or logfmt line).</summary>
public sealed record LogError(string Message, ContextClause Clause)
{
    /// <summary>A warning rather than an error: evidence only when no error says more.</summary>
    public bool IsWarning { get; init; }
}

/// <summary>A trace span with its duration.</summary>
public sealed record TraceSpan(string Name, double Milliseconds, string DurationText, ContextClause Clause);
