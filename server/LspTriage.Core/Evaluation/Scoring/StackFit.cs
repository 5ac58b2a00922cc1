using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Stacks;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>
/// The share of checklist commands that fit the stack the context shows (<see cref="StackDetector.Fits"/>): a
/// <c>pg_stat_activity</c> query for a MySQL incident, or <c>kubectl</c> where nothing runs on Kubernetes, does not.
/// Null when the checklist has no command.
/// </summary>
internal static class StackFit
{
    public static (double? Share, IReadOnlyList<string> Misfits) Score(IReadOnlyList<ChecklistStep> checklist, string rawContext)
    {
        var commands = checklist.Select(c => c.Command.Trim()).Where(c => c.Length > 0).ToList();
        if (commands.Count == 0)
        {
            return (null, []);
        }
        var stack = StackDetector.Detect(rawContext);
        var misfits = commands.Where(c => !StackDetector.Fits(c, stack)).ToList();
        return ((double)(commands.Count - misfits.Count) / commands.Count, misfits);
    }
}
