using System.Globalization;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>
/// LT030: the same failure came back while the lessons of the last one are still open. Reports each similar past
/// incident from the 30 days before this one that still has open action items, linking its file. The past incidents
/// are the caller's input (similarity search and file reading are not a check's business), so the rule is not in
/// <see cref="DocumentChecker.Default"/>: callers that have them add it with <see cref="DocumentChecker.With"/>.
/// </summary>
public sealed class RepeatIncidentCheck(IReadOnlyList<RecentSimilarIncident> similar) : ICheck
{
    /// <summary>How far back a similar incident counts as the same problem coming back.</summary>
    public const int WindowDays = 30;

    public CheckRule Rule => Rules.RepeatIncident;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        if (similar.Count == 0 || DateOf(document) is not { } date)
        {
            yield break;
        }
        var anchor = document.TitleSpan.Length > 0 ? document.TitleSpan : document.FrontMatter.Find("created")?.ValueSpan ?? default;
        foreach (var past in similar.Where(p => Repeats(document, date, p)).OrderByDescending(p => p.Date))
        {
            var days = date.DayNumber - past.Date.DayNumber;
            var when = days == 0 ? "the same day" : days == 1 ? "1 day before" : $"{days} days before";
            var open = past.OpenActionItems == 1 ? "1 action item is" : $"{past.OpenActionItems} action items are";
            var message = $"Repeat incident: the similar \"{past.Title}\" happened {past.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({when} this one) and {open} still open.";
            yield return Rule.At(anchor, message) with
            {
                Related = past.Path is { } path ? [new RelatedPlace(path, past.Line, $"{past.Title}: open action items")] : [],
            };
        }
    }

    /// <summary>The incident's date: front matter <c>created</c>, else <c>date</c> or <c>start_time</c>, as the similarity records read it.</summary>
    public static DateOnly? DateOf(IncidentDocument document)
    {
        foreach (var key in new[] { "created", "date", "start_time" })
        {
            if (document.FrontMatter[key] is { } value && CreatedDate.TryParse(value, out var parsed))
            {
                return DateOnly.FromDateTime(parsed.UtcDateTime);
            }
        }
        return null;
    }

    private static bool Repeats(IncidentDocument document, DateOnly date, RecentSimilarIncident past) =>
        past.OpenActionItems > 0
        && date.DayNumber - past.Date.DayNumber is >= 0 and <= WindowDays
        && (past.Path is null || document.Path is null || !Files.FilePaths.Comparer.Equals(past.Path, document.Path));
}
