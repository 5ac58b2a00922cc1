using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Reads the <c>---</c> delimited YAML front matter at the top of a file: top-level <c>key: value</c> pairs, flow lists
/// (<c>[a, b]</c>) and block lists (<c>- a</c>), plain scalars continued on indented lines and <c>|</c>/<c>&gt;</c> block
/// scalars, with exact value spans. The one front matter reader of Core: the document parser and the similarity record
/// reader (<c>IncidentRecordReader</c>) both read through it. Deliberately not a full YAML parser: these files only use
/// flat metadata, and the editor needs every line's findings and completion context while the user types. YamlDotNet
/// was measured against it (ARCHITECTURE.md, "Libraries"): it gives exact scalar positions too, but it throws on half of
/// the prefixes of our samples' front matter (an unclosed quote or list mid-typing), which would drop every front-matter
/// finding for that keystroke, where this reader loses one line.
/// </summary>
internal static class FrontMatterReader
{
    public static FrontMatter Read(string text, LineMap lines) => Read(text, out _);

    public static FrontMatter Read(string text) => Read(text, out _);

    /// <summary>
    /// The front matter, and where the body starts: the offset after the closing delimiter's line break (0 when there
    /// is no front matter). Reads only the front matter's lines, never the body: the similarity record reader calls it
    /// for thousands of files at start-up.
    /// </summary>
    public static FrontMatter Read(string text, out int bodyStart)
    {
        bodyStart = 0;
        var pos = 0;
        if (!NextLine(text, ref pos, out var firstStart, out var firstEnd) ||
            !text.AsSpan(firstStart, firstEnd - firstStart).TrimStart('\uFEFF').TrimEnd().SequenceEqual("---"))
        {
            return FrontMatter.None;
        }
        var entries = new List<FrontMatterEntry>();
        var open = Open.None;
        while (NextLine(text, ref pos, out var lineStart, out var lineEnd))
        {
            var content = text[lineStart..lineEnd];
            if (content.TrimEnd() is "---" or "...")
            {
                bodyStart = pos;
                return new FrontMatter(TextSpan.FromBounds(0, lineEnd), entries);
            }
            open = ReadLine(content, lineStart, entries, open);
        }
        // No closing delimiter: not front matter (a thematic break at the top of a document).
        return FrontMatter.None;
    }

    /// <summary>What the last entry can still take from the lines that follow it.</summary>
    private enum Open
    {
        None,
        /// <summary><c>key:</c> with no value: <c>- item</c> lines follow.</summary>
        List,
        /// <summary>A plain scalar: indented lines continue it (folded with a space).</summary>
        Plain,
        /// <summary><c>key: |</c>: indented lines are its content, one per line.</summary>
        Literal,
        /// <summary><c>key: &gt;</c>: indented lines are its content, folded with a space.</summary>
        Folded,
    }

    /// <summary>The next line's bounds without its line break (\n, \r\n or \r); false at the end of the text.</summary>
    private static bool NextLine(string text, ref int pos, out int start, out int end)
    {
        start = pos;
        end = pos;
        if (pos >= text.Length)
        {
            return false;
        }
        var nl = text.AsSpan(pos).IndexOfAny('\n', '\r');
        if (nl < 0)
        {
            end = pos = text.Length;
            return true;
        }
        end = pos + nl;
        pos = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        return true;
    }

    private static Open ReadLine(string content, int lineStart, List<FrontMatterEntry> entries, Open open)
    {
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            return open;
        }
        var indented = char.IsWhiteSpace(content[0]);
        if (open is Open.Literal or Open.Folded && indented)
        {
            Continue(entries, trimmed, open == Open.Literal ? "\n" : " ", lineStart + content.TrimEnd().Length);
            return open;
        }
        if (trimmed[0] == '#')
        {
            return open;
        }
        if (indented || content[0] == '-')
        {
            if (trimmed[0] == '-' && open is Open.List)
            {
                var item = Unquote(StripComment(trimmed[1..]));
                if (item.Length > 0)
                {
                    entries[^1] = entries[^1] with { Items = [.. entries[^1].Items, item] };
                }
                return open;
            }
            if (open == Open.Plain && indented)
            {
                var (s, e) = ValueBounds(content, 0);
                Continue(entries, content[s..e], " ", lineStart + e);
            }
            return open;
        }
        var colon = content.IndexOf(':');
        if (colon <= 0)
        {
            return Open.None;
        }
        var key = content[..colon].Trim();
        var (valueStart, valueEnd) = ValueBounds(content, colon + 1);
        var raw = content[valueStart..valueEnd];
        var isFlowList = raw.StartsWith('[') && raw.EndsWith(']');
        var items = isFlowList
            ? SplitFlowList(raw[1..^1]).Select(Unquote).Where(v => v.Length > 0).ToArray()
            : [];
        var block = raw is "|" or "|-" or "|+" ? Open.Literal : raw is ">" or ">-" or ">+" ? Open.Folded : Open.None;
        entries.Add(new FrontMatterEntry(
            key,
            block != Open.None ? "" : Unquote(raw),
            new TextSpan(lineStart, colon),
            TextSpan.FromBounds(lineStart + valueStart, lineStart + valueEnd),
            items));
        return raw.Length == 0 ? Open.List
            : block != Open.None ? block
            : isFlowList || raw[0] is '"' or '\'' ? Open.None
            : Open.Plain;
    }

    /// <summary>Adds a continuation line to the last entry's value; its span grows to the end of that line (a block
    /// scalar's span starts at its indicator).</summary>
    private static void Continue(List<FrontMatterEntry> entries, string more, string separator, int moreEnd)
    {
        var last = entries[^1];
        entries[^1] = last with
        {
            Value = last.Value.Length == 0 ? more : last.Value + separator + more,
            ValueSpan = TextSpan.FromBounds(last.ValueSpan.Start, moreEnd),
        };
    }

    /// <summary>The value's bounds within the line, without surrounding blanks and without a trailing <c># comment</c>.
    /// A <c>#</c> inside a quoted scalar, also one inside a flow list (<c>["a # b", c]</c>), is text, not a comment.</summary>
    private static (int Start, int End) ValueBounds(string content, int from)
    {
        var start = from;
        while (start < content.Length && char.IsWhiteSpace(content[start]))
        {
            start++;
        }
        var end = content.Length;
        var quote = '\0';
        for (var i = start; i < content.Length; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            if (c is '"' or '\'' && OpensScalar(content, i, start))
            {
                quote = c;
                continue;
            }
            if (c == '#' && i > start && char.IsWhiteSpace(content[i - 1]))
            {
                end = i;
                break;
            }
        }
        while (end > start && char.IsWhiteSpace(content[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    /// <summary>A quote opens a quoted scalar only where a scalar can start: the value's start or after <c>[</c>, <c>,</c>
    /// or a blank (an apostrophe inside a word, as in <c>don't</c>, is text).</summary>
    private static bool OpensScalar(string content, int i, int valueStart) =>
        i == valueStart || content[i - 1] is '[' or ',' || char.IsWhiteSpace(content[i - 1]);

    /// <summary>Splits the inside of a flow list on the commas that are outside quoted items.</summary>
    private static IEnumerable<string> SplitFlowList(string inner)
    {
        var quote = '\0';
        var itemStart = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            if (c is '"' or '\'' && inner[itemStart..i].Trim().Length == 0)
            {
                quote = c;
            }
            else if (c == ',')
            {
                yield return inner[itemStart..i];
                itemStart = i + 1;
            }
        }
        yield return inner[itemStart..];
    }

    private static string StripComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash].TrimEnd() : value;
    }

    /// <summary>The scalar's text: double-quoted scalars lose their quotes and resolve YAML's escapes
    /// (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>, <c>\uXXXX</c>); single-quoted ones resolve <c>''</c>.</summary>
    private static string Unquote(string value)
    {
        var v = value.Trim();
        if (v.Length >= 2 && v[0] == '\'' && v[^1] == '\'')
        {
            return v[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }
        if (v.Length < 2 || v[0] != '"' || v[^1] != '"')
        {
            return v;
        }
        var inner = v[1..^1];
        if (!inner.Contains('\\'))
        {
            return inner;
        }
        var text = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\' || i + 1 == inner.Length)
            {
                text.Append(inner[i]);
                continue;
            }
            var escape = inner[++i];
            switch (escape)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'u' when i + 4 < inner.Length && ushort.TryParse(inner.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: text.Append(escape); break;
            }
        }
        return text.ToString();
    }
}
