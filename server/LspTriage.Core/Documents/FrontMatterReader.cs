using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Reads the <c>---</c> delimited YAML front matter at the top of a file: top-level <c>key: value</c> pairs, flow lists
/// (<c>[a, b]</c>) and block lists (<c>- a</c>), with exact value spans. Deliberately not a full YAML parser: these files
/// only use flat metadata, and the editor needs every line's findings and completion context while the user types.
/// YamlDotNet was measured against it (ARCHITECTURE.md, "Libraries"): it gives exact scalar positions too, but it throws
/// on half of the prefixes of our samples' front matter (an unclosed quote or list mid-typing), which would drop every
/// front-matter finding for that keystroke, where this reader loses one line.
/// </summary>
internal static class FrontMatterReader
{
    public static FrontMatter Read(string text, LineMap lines)
    {
        var first = lines.LineText(0).TrimStart('\uFEFF');
        if (first.TrimEnd() != "---" || lines.LineCount < 2)
        {
            return FrontMatter.None;
        }
        var entries = new List<FrontMatterEntry>();
        for (var line = 1; line < lines.LineCount; line++)
        {
            var content = lines.LineText(line);
            if (content.TrimEnd() is "---" or "...")
            {
                var span = TextSpan.FromBounds(0, lines.LineContentEnd(line));
                return new FrontMatter(span, entries);
            }
            ReadLine(content, lines.LineStart(line), entries);
        }
        // No closing delimiter: not front matter (a thematic break at the top of a document).
        return FrontMatter.None;
    }

    private static void ReadLine(string content, int lineStart, List<FrontMatterEntry> entries)
    {
        if (content.Length == 0 || content.TrimStart().StartsWith('#'))
        {
            return;
        }
        if (char.IsWhiteSpace(content[0]) || content[0] == '-')
        {
            AddListItem(content, lineStart, entries);
            return;
        }
        var colon = content.IndexOf(':');
        if (colon <= 0)
        {
            return;
        }
        var key = content[..colon].Trim();
        var (valueStart, valueEnd) = ValueBounds(content, colon + 1);
        var raw = content[valueStart..valueEnd];
        var items = raw.StartsWith('[') && raw.EndsWith(']')
            ? SplitFlowList(raw[1..^1]).Select(Unquote).Where(v => v.Length > 0).ToArray()
            : [];
        entries.Add(new FrontMatterEntry(
            key,
            Unquote(raw),
            new TextSpan(lineStart, colon),
            TextSpan.FromBounds(lineStart + valueStart, lineStart + valueEnd),
            items));
    }

    private static void AddListItem(string content, int lineStart, List<FrontMatterEntry> entries)
    {
        var trimmed = content.TrimStart();
        if (!trimmed.StartsWith('-') || entries.Count == 0)
        {
            return;
        }
        var last = entries[^1];
        var item = Unquote(StripComment(trimmed[1..]));
        if (item.Length > 0)
        {
            entries[^1] = last with { Items = [.. last.Items, item] };
        }
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
        return hash >= 0 ? value[..hash] : value;
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
