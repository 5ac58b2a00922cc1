using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed class EmptySectionCheck : ICheck
{
    public CheckRule Rule => Rules.EmptySection;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (document.Kind != DocumentKind.Postmortem)
        {
            return [];
        }
        return RequiredSections.Of(document)
            .SelectMany(kind => RequiredSections.Find(document, kind))
            .Where(s => s.IsEmpty)
            .Select(s => Rule.At(s.HeadingSpan, $"Section \"{s.Heading}\" is empty.") with
            {
                Data = document.Sections.ToList().IndexOf(s).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
    }
}
