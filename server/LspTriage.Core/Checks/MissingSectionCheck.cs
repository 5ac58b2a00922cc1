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
        var template = document.Template == Documents.Templates.TemplateProfiles.LspTriage ? "" : $" ({document.Template.DisplayName} template)";
        foreach (var kind in RequiredSections.Of(document))
        {
            if (!RequiredSections.Find(document, kind).Any())
            {
                var heading = document.Template.HeadingFor(kind, chinese: false);
                yield return Rule.At(at, $"Postmortem is missing the \"{heading}\" section{template}.") with { Data = kind.ToString() };
            }
        }
    }
}
