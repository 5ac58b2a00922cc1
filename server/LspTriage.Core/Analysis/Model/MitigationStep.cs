namespace LspTriage.Core.Analysis.Model;

public sealed record MitigationStep(string Action, string Risk, string Rollback);
