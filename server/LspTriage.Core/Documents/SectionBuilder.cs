using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Turns headings into sections: each runs to the next heading of the same or a higher level.</summary>
internal static partial class SectionBuilder
{
    public static List<Section> Build(string text, LineMap lines, IReadOnlyList<HeadingInfo> headings, IReadOnlyList<GeneratedBlock> blocks)
    {
        var sections = new List<Section>(headings.Count);
        var parents = new Stack<int>();
        for (var i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var end = text.Length;
            for (var j = i + 1; j < headings.Count; j++)
            {
                if (headings[j].Level <= h.Level)
                {
                    end = headings[j].Span.Start;
                    break;
                }
            }
            var headingLastLine = lines.PositionAt(Math.Max(h.Span.Start, h.Span.End - 1)).Line;
            var contentStart = headingLastLine + 1 < lines.LineCount ? lines.LineStart(headingLastLine + 1) : text.Length;
            contentStart = Math.Min(contentStart, end);
            var ownEnd = i + 1 < headings.Count ? Math.Min(end, headings[i + 1].Span.Start) : end;
            var hasChildren = i + 1 < headings.Count && headings[i + 1].Level > h.Level && headings[i + 1].Span.Start < end;

            while (parents.Count > 0 && headings[parents.Peek()].Level >= h.Level)
            {
                parents.Pop();
            }
            var headingText = HeadingText(text, lines, h);
            sections.Add(new Section(
                headingText.Text,
                h.Level,
                SectionAliases.Classify(headingText.Text),
                headingText.Span,
                TextSpan.FromBounds(h.Span.Start, end),
                TextSpan.FromBounds(contentStart, end),
                parents.Count > 0 ? parents.Peek() : -1,
                blocks.Any(b => b.Span.Contains(h.Span.Start)))
            {
                IsEmpty = !hasChildren && IsBlank(text, contentStart, ownEnd),
            });
            parents.Push(i);
        }
        return sections;
    }

    /// <summary>The heading's text without its markers, and the span of that text.</summary>
    private static (string Text, TextSpan Span) HeadingText(string text, LineMap lines, HeadingInfo h)
    {
        var line = lines.PositionAt(h.Span.Start).Line;
        var lineStart = lines.LineStart(line);
        var lineText = lines.LineText(line);
        var m = h.IsSetext ? SetextText().Match(lineText) : AtxText().Match(lineText);
        if (!m.Success || m.Groups["text"].Length == 0)
        {
            return ("", new TextSpan(h.Span.Start, 0));
        }
        var g = m.Groups["text"];
        return (g.Value, new TextSpan(lineStart + g.Index, g.Length));
    }

    private static bool IsBlank(string text, int start, int end)
    {
        var body = text.AsSpan(start, Math.Max(0, end - start));
        while (true)
        {
            body = body.TrimStart();
            if (body.StartsWith("<!--"))
            {
                var close = body.IndexOf("-->");
                if (close < 0)
                {
                    return true;
                }
                body = body[(close + 3)..];
                continue;
            }
            return body.IsEmpty;
        }
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<text>.*?))??(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxText();

    [GeneratedRegex(@"^ {0,3}(?<text>.*?)[ \t]*$")]
    private static partial Regex SetextText();
}
