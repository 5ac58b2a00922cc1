using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>A detection rule: a pattern over one clause of the context and how much a match counts.</summary>
internal sealed record Indicator(string Name, Regex Pattern, double Weight)
{
    public static Indicator Of(string name, Regex pattern, double weight) => new(name, pattern, weight);

    public static Indicator Of(string name, string pattern, double weight) =>
        new(name, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), weight);
}
