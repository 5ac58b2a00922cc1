using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

/// <summary>A postmortem without one of the required sections. Reported on the title, where the reader looks first.</summary>
public sealed class MissingSectionCheck : ICheck
{
    public CheckRule Rule => Rules.MissingSection;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (document.Kind != DocumentKind.Postmortem)
        {
            yield break;
        }
        var at = document.TitleSpan.Length > 0 ? document.TitleSpan : new TextSpan(0, 0);
        foreach (var kind in RequiredSections.Postmortem)
        {
            if (!RequiredSections.Find(document, kind).Any())
            {
                var heading = SectionAliases.EnglishHeading(kind);
                yield return Rule.At(at, $"Postmortem is missing the \"{heading}\" section.") with { Data = kind.ToString() };
            }
        }
    }
}
