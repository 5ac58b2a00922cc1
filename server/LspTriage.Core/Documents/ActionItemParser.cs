using System.Text.RegularExpressions;

namespace LspTriage.Core.Documents;

/// <summary>
/// Reads the priority and owner an action item names. Accepted shapes, as teams write them:
/// <c>**P1** Add alert — Platform team</c>, <c>[P2] Fix (owner: @dana)</c>, <c>P0: Add index -- DB team</c>,
/// <c>Owner: SRE</c>, <c>负责人：平台组</c>. The owner is what follows the last em/en dash or double hyphen,
/// or an explicit owner label, or an @handle.
/// </summary>
internal static partial class ActionItemParser
{
    public static (string? Priority, int PriorityIndex, string? Owner) Parse(string text)
    {
        var p = Priority().Match(text);
        return (p.Success ? p.Groups["p"].Value.ToUpperInvariant() : null, p.Success ? p.Groups["p"].Index : -1, Owner(text));
    }

    private static string? Owner(string text)
    {
        var label = OwnerLabel().Match(text);
        if (label.Success)
        {
            return Clean(label.Groups["owner"].Value);
        }
        var dash = LastDash(text);
        if (dash >= 0)
        {
            var owner = Clean(text[dash..].TrimStart('—', '–', '-', ' '));
            if (owner is { Length: > 0 })
            {
                return owner;
            }
        }
        var handle = Handle().Match(text);
        return handle.Success ? handle.Value : null;
    }

    private static int LastDash(string text)
    {
        var best = -1;
        foreach (var sep in new[] { "—", "–", " -- ", " - " })
        {
            var i = text.LastIndexOf(sep, StringComparison.Ordinal);
            // " - " only counts near the end, so hyphenated prose ("roll-out - then") is not mistaken for an owner.
            if (i > best && (sep != " - " || text.Length - i <= 40))
            {
                best = i;
            }
        }
        return best;
    }

    private static string? Clean(string owner)
    {
        var o = owner.Trim().Trim('*', '_', '(', ')', '（', '）', '.', ' ');
        return o.Length == 0 ? null : o;
    }

    [GeneratedRegex(@"(?<![\w-])(?<p>[Pp][0-4])(?![\w-])")]
    private static partial Regex Priority();

    [GeneratedRegex(@"(?:\b[Oo]wner|负责人|责任人)\s*[:：]\s*(?<owner>[^,;)）\]]+)")]
    private static partial Regex OwnerLabel();

    [GeneratedRegex(@"(?<![\w.])@[A-Za-z0-9][\w.-]*")]
    private static partial Regex Handle();
}
