using System.Text.RegularExpressions;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>How an expected string is found in what the analysis says: ignoring case and runs of white space.</summary>
internal static partial class TextMatch
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();

    public static bool Contains(string haystack, string needle)
    {
        var n = Normalize(needle);
        return n.Length > 0 && Normalize(haystack).Contains(n, StringComparison.OrdinalIgnoreCase);
    }

    public static bool ContainsAny(IEnumerable<string> haystacks, string needle) => haystacks.Any(h => Contains(h, needle));

    private static string Normalize(string text) => Blanks().Replace(text, " ").Trim();
}
