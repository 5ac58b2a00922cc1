namespace LspTriage.Core.Analysis.Facts;

/// <summary>A deploy, config push or migration. <see cref="MinutesBeforeOnset"/> is positive when it precedes the symptoms.</summary>
public sealed record ChangeEvent(ContextClause Clause, int? Minute, string? Version, bool IsConfig, int? MinutesBeforeOnset);
