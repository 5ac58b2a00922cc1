namespace LspTriage.Core.Analysis;

/// <summary>What the analyzers read: the raw context text as the user pasted it, plus the title and service if known.</summary>
public sealed record IncidentContext(string RawContext, string? Title = null, string? Service = null);
