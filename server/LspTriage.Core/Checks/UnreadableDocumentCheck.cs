using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed class UnreadableDocumentCheck : ICheck
{
    public CheckRule Rule => Rules.Unreadable;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        document.Problems.Select(p => Rule.At(p.Span, p.Message));
}
