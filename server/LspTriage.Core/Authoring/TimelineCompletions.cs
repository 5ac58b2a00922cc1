using System.Globalization;
using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>
/// A timeline entry stamped with the current time, written the way the timeline already writes its times: with a
/// date when its entries have dates, in the zone of its last entry (UTC when none says).
/// </summary>
internal static partial class TimelineCompletions
{
    public static SuggestionList? Provide(CompletionRequest request)
    {
        var document = request.Document;
        var index = document.SectionIndexAt(request.Offset);
        if (index < 0 || document.Sections[index].Kind != SectionKind.Timeline)
        {
            return null;
        }
        var m = EntryPrefix().Match(request.LinePrefix);
        if (!m.Success)
        {
            return SuggestionList.Empty;
        }
        var entries = document.Timeline.Where(e => e.SectionIndex == index && e.Time is not null).ToList();
        var offset = entries.LastOrDefault(e => e.Time!.Offset is not null)?.Time!.Offset ?? TimeSpan.Zero;
        var withDate = entries.Count > 0 && entries.All(e => e.Time!.Date is not null);
        var local = request.Now.ToOffset(offset);
        var zone = offset == TimeSpan.Zero ? "UTC" : local.ToString("zzz", CultureInfo.InvariantCulture);
        var stamp = local.ToString(withDate ? "yyyy-MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture) + " " + zone;
        var replace = TextSpan.FromBounds(request.LineStart + m.Groups["indent"].Length, request.Offset);
        return new SuggestionList(
        [
            new Suggestion($"{stamp} — timeline entry", $"- {stamp} — ${{1:what happened}}", SuggestionKind.Snippet, replace)
            {
                Detail = "A timeline entry at the current time",
                IsSnippet = true,
                FilterText = document.TextOf(replace),
                SortText = "0",
            },
        ]);
    }

    /// <summary>A blank line, a bare bullet, or a bullet with the start of a time.</summary>
    [GeneratedRegex(@"^(?<indent>\s*)(?:[-*+](?:\s+[\d:]*)?)?$")]
    private static partial Regex EntryPrefix();
}
