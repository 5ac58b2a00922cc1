namespace LspTriage.Core.Analysis.Model;

/// <summary><see cref="Level"/> is SEV1 (worst) to SEV5.</summary>
public sealed record SeverityAssessment(string Level, string Reasoning);
