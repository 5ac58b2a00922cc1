using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Reads the <c>---</c> delimited YAML front matter at the top of a file: top-level <c>key: value</c> pairs, flow lists
/// (<c>[a, b]</c>) and block lists (<c>- a</c>), with exact value spans. Deliberately not a full YAML parser: these files
/// only use flat metadata, and we need offsets for diagnostics, which general YAML libraries do not give for scalars.
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
            ? raw[1..^1].Split(',').Select(Unquote).Where(v => v.Length > 0).ToArray()
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

    /// <summary>The value's bounds within the line, without surrounding blanks and without a trailing <c># comment</c>.</summary>
    private static (int Start, int End) ValueBounds(string content, int from)
    {
        var start = from;
        while (start < content.Length && char.IsWhiteSpace(content[start]))
        {
            start++;
        }
        var end = content.Length;
        var quote = start < content.Length && content[start] is '"' or '\'' ? content[start] : '\0';
        for (var i = start; i < content.Length; i++)
        {
            if (quote != '\0')
            {
                if (i > start && content[i] == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            if (content[i] == '#' && i > start && char.IsWhiteSpace(content[i - 1]))
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

    private static string StripComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash] : value;
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        if (v.Length >= 2 && (v[0] == '"' && v[^1] == '"' || v[0] == '\'' && v[^1] == '\''))
        {
            v = v[1..^1];
        }
        return v;
    }
}
