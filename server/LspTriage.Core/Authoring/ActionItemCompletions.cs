using System.Globalization;
using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>
/// On an action-item line: <c>@handles</c> after an <c>@</c>, owners after a dash (<c>— Team</c>), otherwise the
/// priorities P0–P4 while the item has none.
/// </summary>
internal static partial class ActionItemCompletions
{
    private static readonly string[] PriorityMeaning =
    [
        "Do now: the incident can recur any moment",
        "This sprint: high risk of recurrence",
        "This quarter",
        "When convenient",
        "Nice to have",
    ];

    public static SuggestionList? Provide(CompletionRequest request)
    {
        var document = request.Document;
        var index = document.SectionIndexAt(request.Offset);
        if (index < 0 || document.Sections[index].Kind is not (SectionKind.ActionItems or SectionKind.FollowUps) || !ListItem().IsMatch(request.LinePrefix))
        {
            return null;
        }
        var word = request.WordBeforeCursor();
        var typed = document.TextOf(word);
        if (typed.StartsWith('@'))
        {
            return Owners(request.History.Owners.Where(o => o.StartsWith('@')), word);
        }
        if (AfterDash().IsMatch(request.LinePrefix))
        {
            return Owners(request.History.Owners, word);
        }
        var line = document.Lines.LineText(request.Position.Line);
        if (HasPriority().IsMatch(line) || !PriorityPrefix().IsMatch(typed))
        {
            return SuggestionList.Empty;
        }
        return new SuggestionList(PriorityMeaning.Select((meaning, p) => new Suggestion($"P{p}", $"**P{p}** ", SuggestionKind.Value, word)
        {
            Detail = meaning,
            SortText = p.ToString(CultureInfo.InvariantCulture),
            FilterText = typed.StartsWith('*') ? $"**P{p}**" : $"P{p}",
        }).ToArray());
    }

    private static SuggestionList Owners(IEnumerable<string> owners, TextSpan word) =>
        new(owners.Select((o, i) => new Suggestion(o, o, SuggestionKind.Person, word)
        {
            Detail = "Owner in past incidents",
            SortText = i.ToString("D4", CultureInfo.InvariantCulture),
        }).ToArray());

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,9}[.)])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(?:—|–|\s--?)\s*[^—–]*$")]
    private static partial Regex AfterDash();

    [GeneratedRegex(@"(?<![\w-])[Pp][0-4](?![\w-])")]
    private static partial Regex HasPriority();

    [GeneratedRegex(@"^(?:\*{0,2}|\[)?(?:[Pp][0-4]?)?$")]
    private static partial Regex PriorityPrefix();
}
