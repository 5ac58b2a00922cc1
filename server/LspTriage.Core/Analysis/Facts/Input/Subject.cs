namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// What the incident is about: the alerted workload, the front-matter service, resources the title names.
/// <see cref="Names"/> are matched as whole names or name prefixes of pods (<c>checkout</c> ~ <c>checkout-7d9f8-x2k4q</c>).
/// </summary>
public sealed record Subject(IReadOnlyList<string> Names, string? Namespace)
{
    public static Subject Unknown { get; } = new([], null);

    public bool IsKnown => Names.Count > 0;

    /// <summary>The name to write ("checkout"), or null when unknown.</summary>
    public string? Primary => Names.Count > 0 ? Names[0] : null;

    public bool IsMentionedIn(string text)
    {
        foreach (var name in Names)
        {
            var i = 0;
            while ((i = text.IndexOf(name, i, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = i + name.Length;
                var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
                var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after)
                {
                    return true;
                }
                i = end;
            }
        }
        return false;
    }
}
