using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed class PlaceholderCheck : ICheck
{
    public CheckRule Rule => Rules.Placeholder;

    public IEnumerable<Finding> Run(IncidentDocument document) =>
        document.Placeholders.Select(p =>
        {
            var section = p.SectionIndex >= 0 ? $" in \"{document.Sections[p.SectionIndex].Heading}\"" : "";
            return Rule.At(p.Span, $"Unfilled placeholder {p.Token}{section}.") with { Data = p.SectionIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        });
}
