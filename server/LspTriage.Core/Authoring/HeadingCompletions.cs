using System.Globalization;
using System.Text.RegularExpressions;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>
/// Section headings on a heading line (<c>## </c>): the template's required sections the document is missing first,
/// in the template's order, then the optional ones it does not have yet, in the document's language.
/// </summary>
internal static partial class HeadingCompletions
{
    private static readonly SectionKind[] Optional =
    [
        SectionKind.CustomerImpact, SectionKind.Trigger, SectionKind.Mitigation, SectionKind.WhatWentWell, SectionKind.WhatWentPoorly,
        SectionKind.LessonsLearned, SectionKind.FollowUps, SectionKind.ContributingFactors, SectionKind.FiveWhys,
    ];

    public static SuggestionList? Provide(CompletionRequest request)
    {
        var m = HeadingPrefix().Match(request.LinePrefix);
        if (!m.Success || request.Document.IsInsideGeneratedBlock(request.Offset))
        {
            return null;
        }
        var document = request.Document;
        var required = RequiredSections.Of(document);
        var present = document.Sections.Where(s => !s.IsGenerated && s.HeadingSpan.Start != request.LineStart + m.Groups["text"].Index).Select(s => s.Kind).ToHashSet();
        bool IsPresent(SectionKind kind) => present.Any(p => document.Template.Satisfies(p, kind));

        var replace = TextSpan.FromBounds(request.LineStart + m.Groups["text"].Index, request.Offset);
        var space = m.Groups["space"].Length == 0 ? " " : "";
        var items = new List<Suggestion>();
        var chinese = RequiredSections.IsChinese(document);
        void Add(SectionKind kind, string detail, int group)
        {
            var heading = document.Template.HeadingFor(kind, chinese);
            items.Add(new Suggestion(heading, space + heading, SuggestionKind.Heading, replace)
            {
                Detail = detail,
                SortText = $"{group}{items.Count:D3}",
                FilterText = heading,
            });
        }
        foreach (var kind in required.Where(k => !IsPresent(k)))
        {
            Add(kind, $"Missing: required by the {document.Template.DisplayName} template", 0);
        }
        foreach (var kind in Optional.Where(k => !required.Contains(k) && !IsPresent(k)))
        {
            Add(kind, "Optional section", 1);
        }
        return new SuggestionList(items);
    }

    /// <summary>Two to six hashes: level 1 is the title, which we do not suggest.</summary>
    [GeneratedRegex(@"^ {0,3}#{2,6}(?<space>[ \t]*)(?<text>[^#]*)$")]
    private static partial Regex HeadingPrefix();
}
