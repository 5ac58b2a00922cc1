using System.Globalization;
using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Authoring;

/// <summary>
/// After an open <c>[</c>: past incidents by title or id, inserted as a markdown link relative to this file. The
/// workspace can hold thousands of incidents, so the list is filtered here and marked incomplete.
/// </summary>
internal static partial class IncidentLinkCompletions
{
    private const int MaxItems = 50;

    public static SuggestionList? Provide(CompletionRequest request)
    {
        var m = OpenBracket().Match(request.LinePrefix);
        if (!m.Success || TaskBox().IsMatch(request.LinePrefix))
        {
            return null;
        }
        var query = m.Groups["query"].Value;
        var replace = TextSpan.FromBounds(request.LineStart + m.Index, request.Offset);
        var folder = request.DocumentPath is { } path ? Path.GetDirectoryName(path) : null;
        var items = request.History.Incidents
            .Where(i => !string.Equals(i.Path, request.DocumentPath, StringComparison.Ordinal))
            .Select(i => (Incident: i, Rank: Rank(query, i)))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Incident.Title, StringComparer.OrdinalIgnoreCase)
            .Take(MaxItems)
            .Select((x, n) =>
            {
                var target = folder is null ? x.Incident.Path : Path.GetRelativePath(folder, x.Incident.Path);
                return new Suggestion(x.Incident.Title, $"[{Escape(x.Incident.Title)}]({target.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal)})", SuggestionKind.Incident, replace)
                {
                    Detail = x.Incident.Id,
                    FilterText = $"[{query}{x.Incident.Title} {x.Incident.Id}",
                    SortText = n.ToString("D3", CultureInfo.InvariantCulture),
                };
            })
            .ToArray();
        return new SuggestionList(items, IsIncomplete: true);
    }

    /// <summary>0 for a title or id that contains the query, 1 for a subsequence match, -1 for none.</summary>
    private static int Rank(string query, PastIncident incident)
    {
        if (query.Length == 0 || incident.Title.Contains(query, StringComparison.OrdinalIgnoreCase) || incident.Id.Contains(query, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        var i = 0;
        foreach (var c in incident.Title)
        {
            if (i < query.Length && char.ToLowerInvariant(c) == char.ToLowerInvariant(query[i]))
            {
                i++;
            }
        }
        return i == query.Length ? 1 : -1;
    }

    private static string Escape(string title) => title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    [GeneratedRegex(@"\[(?<query>[^\[\]()]*)$")]
    private static partial Regex OpenBracket();

    /// <summary>"- [" starts a task box, not a link.</summary>
    [GeneratedRegex(@"^\s*[-*+]\s+\[[ xX]?$")]
    private static partial Regex TaskBox();
}
