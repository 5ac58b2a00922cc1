namespace LspTriage.Core.Analysis.Facts;

/// <summary>A deploy, config push or migration. <see cref="MinutesBeforeOnset"/> is positive when it precedes the symptoms.</summary>
public sealed record ChangeEvent(ContextClause Clause, int? Minute, string? Version, bool IsConfig, int? MinutesBeforeOnset)
{
    /// <summary>" UTC", " UTC+8" or "": the context's time zone, for writing <see cref="ContextClause.TimeText"/>.</summary>
    public string ZoneSuffix { get; init; } = "";
}
