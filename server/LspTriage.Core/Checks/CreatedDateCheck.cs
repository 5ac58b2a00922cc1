using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed class CreatedDateCheck : ICheck
{
    public CheckRule Rule => Rules.CreatedDate;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (document.FrontMatter.Find("created") is { Value.Length: > 0 } entry
            && !CreatedDate.TryParse(entry.Value, out _)
            && document.Placeholders.All(p => !entry.ValueSpan.Contains(p.Span.Start)))
        {
            yield return Rule.At(entry.ValueSpan, $"created: \"{entry.Value}\" is not an ISO 8601 date (for example 2026-06-02 or 2026-06-02T14:02:00Z).");
        }
    }
}
