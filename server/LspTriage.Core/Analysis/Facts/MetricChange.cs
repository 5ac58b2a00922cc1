namespace LspTriage.Core.Analysis.Facts;

/// <summary>"p99 latency jumped from 120ms to 4.8s": <see cref="Quote"/> is verbatim, From/To as written.</summary>
public sealed record MetricChange(string Metric, string From, string To, string Quote, ContextClause Clause);
