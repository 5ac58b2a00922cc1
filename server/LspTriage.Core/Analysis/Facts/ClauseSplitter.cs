namespace LspTriage.Core.Analysis.Facts;

/// <summary>Splits the raw context into lines, then long lines into sentences and " - " list items, outside quotes and parentheses.</summary>
internal static class ClauseSplitter
{
    /// <param name="isWritten">Whether the line starting at a position was written by a person: only prose is cut into
    /// sentences; a log line or an event's message ("The node was low on resource: ephemeral-storage. Threshold …") stays whole.</param>
    public static List<ContextClause> Split(string raw, Func<int, bool>? isWritten = null)
    {
        var result = new List<ContextClause>();
        var lineStart = 0;
        while (lineStart <= raw.Length)
        {
            var nl = raw.IndexOf('\n', lineStart);
            var lineEnd = nl < 0 ? raw.Length : nl;
            SplitLine(raw, lineStart, lineEnd, isWritten?.Invoke(lineStart) ?? true, result);
            if (nl < 0)
            {
                break;
            }
            lineStart = nl + 1;
        }
        return result;
    }

    private static void SplitLine(string raw, int start, int end, bool written, List<ContextClause> result)
    {
        // Structured lines (JSON, logfmt, tables) are one statement each: their dots and dashes are not sentence ends.
        var structured = !written || (end - start > 0 && (raw[start] is '{' or '[' || raw.AsSpan(start, end - start).Contains("=\"", StringComparison.Ordinal)));
        var pieceStart = start;
        var depth = 0;
        var inQuote = false;
        for (var i = start; i < end && !structured; i++)
        {
            var ch = raw[i];
            if (ch == '"')
            {
                inQuote = !inQuote;
            }
            else if (ch is '(' or '（')
            {
                depth++;
            }
            else if (ch is ')' or '）')
            {
                depth = Math.Max(0, depth - 1);
            }
            if (inQuote || depth > 0)
            {
                continue;
            }
            var cut = -1;
            var skip = 0;
            if (ch == '.' && i + 1 < end && raw[i + 1] == ' ' && i > start)
            {
                cut = i;
                skip = 2;
            }
            else if (ch is '。' or '；')
            {
                cut = i;
                skip = 1;
            }
            else if (ch == ' ' && i + 2 < end && raw[i + 1] == '-' && raw[i + 2] == ' ' && i > pieceStart)
            {
                cut = i;
                skip = 3;
            }
            if (cut >= 0)
            {
                AddPiece(raw, pieceStart, cut, result);
                pieceStart = cut + skip;
                i = pieceStart - 1;
            }
        }
        AddPiece(raw, pieceStart, end, result);
    }

    private static void AddPiece(string raw, int start, int end, List<ContextClause> result)
    {
        while (start < end && (char.IsWhiteSpace(raw[start]) || raw[start] is '-' or '*' or '•' or '>' or '|'))
        {
            start++;
        }
        while (end > start && (char.IsWhiteSpace(raw[end - 1]) || raw[end - 1] is '|'))
        {
            end--;
        }
        if (end - start < 2)
        {
            return;
        }
        var text = raw[start..end];
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            return;
        }
        var t = TimeReader.FirstTime(text);
        result.Add(new ContextClause(result.Count, start, text)
        {
            Minute = t.Success ? TimeReader.MinuteOf(t) : null,
            TimeText = t.Success ? t.Value : null,
        });
    }
}
