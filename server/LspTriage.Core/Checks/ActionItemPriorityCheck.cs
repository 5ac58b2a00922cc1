using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed class ActionItemPriorityCheck : ICheck
{
    public CheckRule Rule => Rules.ActionItemPriority;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        document.ActionItems
            .Where(a => a.Priority is null && !a.IsDone)
            .Select(a => Rule.At(ActionItemSpans.FirstLine(document, a), "Action item has no priority (P0–P4)."));
}
