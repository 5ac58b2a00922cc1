using LspTriage.Core.Evaluation;

namespace LspTriage.Cli.Evaluation;

/// <summary>What a report is written from: the scenarios, this eval's runs, the scenario files that had problems, how it was run.</summary>
internal sealed record EvalReport(
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<EvalResult> Results,
    IReadOnlyList<string> Problems,
    string CommandLine,
    TimeSpan WallTime)
{
    public IReadOnlyList<EvalGroup> ByCombination => EvalGroup.By(Results, r => r.Combination.Key);
}
