namespace LspTriage.Core.Analysis.Stacks;

/// <summary>
/// Which technologies an incident context shows, and which a checklist command is for, from one table
/// (<see cref="TechnologyMarkers"/>). A command fits a context when every technology it needs is shown there;
/// a command that needs none (grep, curl, dig) fits everywhere.
/// </summary>
internal static class StackDetector
{
    public static IReadOnlySet<Technology> Detect(string text) => Matching(text, m => m.Output);

    public static IReadOnlySet<Technology> CommandTechnologies(string command) => Matching(command, m => m.Command);

    public static bool Fits(string command, IReadOnlySet<Technology> context) => CommandTechnologies(command).IsSubsetOf(context);

    private static SortedSet<Technology> Matching(string text, Func<TechnologyMarkers, System.Text.RegularExpressions.Regex> pattern)
    {
        var found = new SortedSet<Technology>();
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }
        foreach (var markers in TechnologyMarkers.All)
        {
            if (pattern(markers).IsMatch(text))
            {
                found.Add(markers.Technology);
            }
        }
        return found;
    }
}
