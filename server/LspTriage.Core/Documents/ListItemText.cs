using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>The first line of a list item without its bullet and task box: the part timeline and action-item readers parse.</summary>
internal static partial class ListItemText
{
    public static (string Text, int Start, bool IsChecked) FirstLine(LineMap lines, TextSpan item)
    {
        var line = lines.PositionAt(item.Start).Line;
        var content = lines.Text[item.Start..Math.Max(item.Start, lines.LineContentEnd(line))];
        var m = Marker().Match(content);
        var skip = m.Success ? m.Length : 0;
        var isChecked = m.Success && m.Groups["box"].Success && m.Groups["box"].Value.Trim().Trim('[', ']') is "x" or "X";
        return (content[skip..], item.Start + skip, isChecked);
    }

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?<box>\[[ xX]\]\s+)?")]
    private static partial Regex Marker();
}
