using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>Splits a pipe-table row into cell spans: between unescaped pipes outside code spans, outer pipes optional.</summary>
internal static class TableCells
{
    public static List<TextSpan> Split(string row, int offset)
    {
        var cells = new List<TextSpan>();
        var begin = 0;
        var i = 0;
        var leading = row.TrimStart();
        if (leading.StartsWith('|'))
        {
            i = begin = row.IndexOf('|') + 1;
        }
        while (i < row.Length)
        {
            var c = row[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == '`')
            {
                i = PlaceholderScanner.SkipCodeSpan(row, i, row.Length);
                continue;
            }
            if (c == '|')
            {
                cells.Add(new TextSpan(offset + begin, i - begin));
                begin = i + 1;
            }
            i++;
        }
        var tail = row[Math.Min(begin, row.Length)..];
        if (tail.Trim().Length > 0)
        {
            cells.Add(new TextSpan(offset + begin, row.Length - begin));
        }
        return cells;
    }
}
