using System.Text.RegularExpressions;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>
/// An impact section that says "some users were affected" tells the reader nothing they can compare: it needs a
/// number (users, requests, minutes, money). Sections still holding a placeholder are left to the placeholder rule.
/// </summary>
public sealed partial class ImpactNumberCheck : ICheck
{
    public CheckRule Rule => Rules.ImpactNumber;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (document.Kind != DocumentKind.Postmortem)
        {
            yield break;
        }
        foreach (var section in document.Sections.Where(s => !s.IsGenerated && !s.IsEmpty && s.Kind is SectionKind.Impact or SectionKind.CustomerImpact))
        {
            var content = document.UserTextOf(section.ContentSpan);
            if (!Number().IsMatch(content) && !document.Placeholders.Any(p => section.ContentSpan.Contains(p.Span.Start)))
            {
                yield return Rule.At(section.HeadingSpan, $"\"{section.Heading}\" states no number: how many users or requests, for how long, at what cost?");
            }
        }
    }

    [GeneratedRegex(@"\p{Nd}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|half|all|every|no)\b|[一二三四五六七八九十百千万亿]", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
