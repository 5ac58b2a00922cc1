namespace LspTriage.Core.Analysis;

/// <summary>A progress report: a short stage message and, when known, a percentage (0–100).</summary>
public sealed record AnalysisProgress(string Message, int? Percent = null);
