using System.Text.RegularExpressions;
using LspTriage.Core.Documents.Templates;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Turns headings into sections: each runs to the next heading of the same or a higher level. Headings inside a
/// generated block live only inside it: they end at the block's end, never end a section the user wrote, and nest
/// under the user's section that holds the block. Field lines (<c>**Trigger:** text</c>) are sections one level below
/// every heading: each runs to the next field or heading.
/// </summary>
internal static partial class SectionBuilder
{
    public static List<Section> Build(string text, LineMap lines, IReadOnlyList<HeadingInfo> headings, IReadOnlyList<GeneratedBlock> blocks, TemplateProfile profile)
    {
        var blockOf = headings.Select(h => BlockIndex(blocks, h.Span.Start)).ToArray();
        var sections = new List<Section>(headings.Count);
        var parents = new Stack<int>();
        for (var i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var end = SectionEnd(text, headings, blocks, blockOf, i);
            var headingLastLine = lines.PositionAt(Math.Max(h.Span.Start, h.Span.End - 1)).Line;
            var contentStart = h.IsField ? h.FieldContentStart
                : headingLastLine + 1 < lines.LineCount ? lines.LineStart(headingLastLine + 1) : text.Length;
            contentStart = Math.Min(contentStart, end);
            var ownEnd = i + 1 < headings.Count ? Math.Clamp(headings[i + 1].Span.Start, contentStart, end) : end;

            while (parents.Count > 0 && !CanContain(headings, blockOf, parents.Peek(), i))
            {
                parents.Pop();
            }
            (string Text, TextSpan Span) headingText = h.IsField ? (lines.Text.Substring(h.FieldLabel.Start, h.FieldLabel.Length), h.FieldLabel) : HeadingText(lines, h);
            sections.Add(new Section(
                headingText.Text,
                h.Level,
                profile.Classify(headingText.Text),
                headingText.Span,
                TextSpan.FromBounds(h.Span.Start, end),
                TextSpan.FromBounds(contentStart, end),
                parents.Count > 0 ? parents.Peek() : -1,
                blockOf[i] >= 0)
            {
                IsEmpty = IsBlank(text, contentStart, ownEnd) && (i + 1 >= headings.Count || headings[i + 1].Span.Start >= end),
                IsField = h.IsField,
            });
            parents.Push(i);
        }
        return sections;
    }

    private static int SectionEnd(string text, IReadOnlyList<HeadingInfo> headings, IReadOnlyList<GeneratedBlock> blocks, int[] blockOf, int i)
    {
        var level = headings[i].Level;
        var block = blockOf[i];
        for (var j = i + 1; j < headings.Count; j++)
        {
            if (block >= 0 && blockOf[j] != block)
            {
                break;
            }
            if (block < 0 && blockOf[j] >= 0)
            {
                continue;
            }
            if (headings[j].Level <= level)
            {
                return headings[j].Span.Start;
            }
        }
        return block >= 0 ? blocks[block].ContentSpan.End : text.Length;
    }

    /// <summary>Whether the open section <paramref name="parent"/> contains heading <paramref name="child"/>.</summary>
    private static bool CanContain(IReadOnlyList<HeadingInfo> headings, int[] blockOf, int parent, int child)
    {
        var parentBlock = blockOf[parent];
        if (parentBlock >= 0 && parentBlock != blockOf[child])
        {
            return false;
        }
        var userHoldsBlock = parentBlock < 0 && blockOf[child] >= 0;
        return userHoldsBlock || headings[parent].Level < headings[child].Level;
    }

    private static int BlockIndex(IReadOnlyList<GeneratedBlock> blocks, int offset)
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Span.Contains(offset))
            {
                return b;
            }
        }
        return -1;
    }

    /// <summary>The heading's text without its markers, and the span of that text.</summary>
    internal static (string Text, TextSpan Span) HeadingText(LineMap lines, HeadingInfo h)
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
