using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed class ActionItemOwnerCheck : ICheck
{
    public CheckRule Rule => Rules.ActionItemOwner;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        document.ActionItems
            .Where(a => a.Owner is null && !a.IsDone)
            .Select(a => Rule.At(ActionItemSpans.FirstLine(document, a), a.Cells is null
                ? "Action item has no owner (add \"— Team or person\")."
                : "Action item has no owner (its Owner cell is empty)."));
}
