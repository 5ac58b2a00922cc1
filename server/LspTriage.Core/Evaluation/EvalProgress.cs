namespace LspTriage.Core.Evaluation;

/// <summary>Where an eval is: runs done (resumed ones included) out of all, how many failed, and the run that just finished.</summary>
public sealed record EvalProgress(int Done, int Total, int Failed, EvalResult? Last);
