namespace LspTriage.Core.Analysis.Model;

public sealed record ChecklistStep(string Step, string Command, string Expected);
