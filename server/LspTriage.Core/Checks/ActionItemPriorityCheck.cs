using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>
/// Items without a priority, where the template asks for one (ours), or in a table with a Priority column. The
/// Google, Atlassian and PagerDuty templates do not rank their action items.
/// </summary>
public sealed class ActionItemPriorityCheck : ICheck
{
    public CheckRule Rule => Rules.ActionItemPriority;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        document.ActionItems
            .Where(a => a.Priority is null && !a.IsDone && (document.Template.ExpectsPriority || a.Cells?.Priority is not null))
            .Select(a => Rule.At(ActionItemSpans.FirstLine(document, a), "Action item has no priority (P0–P4)."));
}
