using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>Two sections with the same meaning (or the same heading) under the same parent. Generated sections are exempt.</summary>
public sealed class DuplicateSectionCheck : ICheck
{
    public CheckRule Rule => Rules.DuplicateSection;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        var seen = new Dictionary<(int Parent, string Key), Section>();
        foreach (var section in document.Sections)
        {
            if (section.IsGenerated || section.Heading.Length == 0)
            {
                continue;
            }
            var key = section.Kind == SectionKind.Other ? SectionAliases.Normalize(section.Heading) : section.Kind.ToString();
            if (!seen.TryAdd((section.ParentIndex, key), section))
            {
                var first = seen[(section.ParentIndex, key)];
                var line = document.RangeOf(first.HeadingSpan).Start.Line + 1;
                yield return Rule.At(section.HeadingSpan, $"Section \"{section.Heading}\" duplicates \"{first.Heading}\" on line {line}.");
            }
        }
    }
}
