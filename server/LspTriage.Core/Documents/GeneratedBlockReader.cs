using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Finds <c>&lt;!-- lsptriage:begin KIND attrs --&gt;</c> … <c>&lt;!-- lsptriage:end --&gt;</c> blocks, line by line.</summary>
internal static partial class GeneratedBlockReader
{
    public static IReadOnlyList<GeneratedBlock> Read(LineMap lines)
    {
        var blocks = new List<GeneratedBlock>();
        var line = 0;
        while (line < lines.LineCount)
        {
            var begin = BeginMarker().Match(lines.LineText(line));
            if (!begin.Success)
            {
                line++;
                continue;
            }
            var start = lines.LineStart(line);
            var contentStart = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : lines.Text.Length;
            var end = line + 1;
            while (end < lines.LineCount && !EndMarker().IsMatch(lines.LineText(end)))
            {
                end++;
            }
            var closed = end < lines.LineCount;
            var contentEnd = closed ? lines.LineStart(end) : lines.Text.Length;
            var spanEnd = closed ? lines.LineContentEnd(end) : lines.Text.Length;
            blocks.Add(new GeneratedBlock(
                begin.Groups["kind"].Value,
                ParseAttributes(begin.Groups["attrs"].Value),
                TextSpan.FromBounds(start, spanEnd),
                TextSpan.FromBounds(contentStart, Math.Max(contentStart, contentEnd)))
            { IsClosed = closed });
            line = end + 1;
        }
        return blocks;
    }

    internal static Dictionary<string, string> ParseAttributes(string attrs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attribute().Matches(attrs))
        {
            result[m.Groups["key"].Value] = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value;
        }
        return result;
    }

    [GeneratedRegex(@"^\s*<!--\s*lsptriage:begin\s+(?<kind>[\w-]+)(?<attrs>.*?)-->\s*$")]
    private static partial Regex BeginMarker();

    [GeneratedRegex(@"^\s*<!--\s*lsptriage:end\b.*-->\s*$")]
    private static partial Regex EndMarker();

    [GeneratedRegex(@"(?<key>[\w.-]+)=(?:""(?<quoted>[^""]*)""|(?<plain>[^\s""]+))")]
    private static partial Regex Attribute();
}
