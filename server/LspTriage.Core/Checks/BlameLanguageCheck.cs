using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Checks;

/// <summary>
/// Blameless postmortems name conditions, not culprits: "human error" as a root cause, or a person (an @handle) as
/// the one who caused, forgot or failed, ends the analysis where it should start. Read in the cause sections only.
/// </summary>
public sealed partial class BlameLanguageCheck : ICheck
{
    private static readonly SectionKind[] CauseSections =
        [SectionKind.RootCause, SectionKind.ContributingFactors, SectionKind.FiveWhys, SectionKind.Fault, SectionKind.Trigger];

    public CheckRule Rule => Rules.BlameLanguage;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        for (var i = 0; i < document.Sections.Count; i++)
        {
            var section = document.Sections[i];
            if (section.IsGenerated || Array.IndexOf(CauseSections, section.Kind) < 0)
            {
                continue;
            }
            var end = i + 1 < document.Sections.Count ? Math.Min(section.Span.End, document.Sections[i + 1].Span.Start) : section.Span.End;
            var start = section.ContentSpan.Start;
            if (end <= start)
            {
                continue;
            }
            var body = document.Text[start..end];
            foreach (Match m in Blame().Matches(body))
            {
                if (!document.IsInsideGeneratedBlock(start + m.Index) && !InFencedCode(body, m.Index))
                {
                    var person = m.Groups["person"].Success;
                    yield return Rule.At(new TextSpan(start + m.Index, m.Length), person
                        ? $"\"{m.Value}\" names a person as the cause; describe what made the mistake possible (a missing check, a confusing tool)."
                        : $"\"{m.Value}\" is not a root cause; describe what made the mistake possible (a missing check, a confusing tool).");
                }
            }
        }
    }

    /// <summary>Whether an offset of the section's text sits inside a fenced code block (an odd number of fences before it).</summary>
    private static bool InFencedCode(string body, int offset)
    {
        var fences = 0;
        foreach (var line in body[..offset].Split('\n'))
        {
            var t = line.TrimStart();
            if (t.StartsWith("```", StringComparison.Ordinal) || t.StartsWith("~~~", StringComparison.Ordinal))
            {
                fences++;
            }
        }
        return fences % 2 == 1;
    }

    [GeneratedRegex(@"\b(?:human|operator|user|engineer)[ -]error\b|\bcareless(?:ness)?\b|\bnegligen(?:ce|t)\b|\bshould have known\b|人为(?:失误|错误|疏忽)|操作失误|(?<person>(?:caused by|fault of|blame[ds]? on)\s+@[\w-]+(?:\.[\w-]+)*|@[\w-]+(?:\.[\w-]+)*\s+(?:forgot|failed to|neglected|didn't|did not|mistakenly|carelessly))", RegexOptions.IgnoreCase)]
    private static partial Regex Blame();
}
