namespace LspTriage.Core.Analysis.Facts;

/// <summary>A timeline entry: a clause with a time of day, classified.</summary>
public sealed record TimedEvent(int Minute, string TimeText, EventKind Kind, ContextClause Clause);
