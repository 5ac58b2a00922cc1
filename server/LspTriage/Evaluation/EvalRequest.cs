using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>What <c>lsptriage eval</c> was asked to run, independent of how the arguments were spelled.</summary>
internal sealed record EvalRequest(
    IReadOnlyList<string> ScenarioPaths,
    EvalPlan Plan,
    string OutDirectory,
    bool RetryFailed,
    string CommandLine);
