namespace LspTriage.Core.Analysis.Facts;

/// <summary>A statement that rules a cause out ("CPU: 35% (normal)", "No infra/DB changes"). Topic: cpu, memory, disk, traffic, deploy, config, network, dns, rate-limit.</summary>
public sealed record RuledOutCause(string Topic, ContextClause Clause);
