using System.Text.RegularExpressions;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

public sealed partial class SeverityCheck : ICheck
{
    public CheckRule Rule => Rules.Severity;

    public static bool IsKnown(string value) => Known().IsMatch(value.Trim());

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (document.FrontMatter.Find("severity") is { Value.Length: > 0 } entry
            && !IsKnown(entry.Value)
            && document.Placeholders.All(p => !entry.ValueSpan.Contains(p.Span.Start)))
        {
            yield return Rule.At(entry.ValueSpan, $"severity: \"{entry.Value}\" is not one of SEV1, SEV2, SEV3, SEV4, SEV5.");
        }
    }

    [GeneratedRegex("^SEV[1-5]$", RegexOptions.IgnoreCase)]
    private static partial Regex Known();
}
