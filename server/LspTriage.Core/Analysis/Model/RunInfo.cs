namespace LspTriage.Core.Analysis.Model;

/// <summary>
/// The run record: who produced the analysis and at what cost. <see cref="Redactions"/> lists what was masked
/// before anything left the machine (kind and count, never the value).
/// </summary>
public sealed record RunInfo(
    string Provider,
    string Model,
    string PromptVersion,
    string Language,
    long LatencyMs,
    int InputTokens,
    int OutputTokens,
    decimal? Cost,
    IReadOnlyList<string> Redactions)
{
    /// <summary>Attempts made against the endpoint (1 when the first answer validated).</summary>
    public int Attempts { get; init; } = 1;
}
