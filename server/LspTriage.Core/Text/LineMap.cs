namespace LspTriage.Core.Text;

/// <summary>
/// Maps character offsets to line/column positions and back. Line breaks are \n, \r\n or a lone \r, as LSP defines them.
/// Built once per document snapshot; lookups are binary searches.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        Text = text;
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Offset just past the line's content, before its line break.</summary>
    public int LineContentEnd(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        while (end > _lineStarts[line] && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }
        return end;
    }

    public string LineText(int line) => Text[LineStart(line)..LineContentEnd(line)];

    public Position PositionAt(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new Position(line, offset - _lineStarts[line]);
    }

    /// <summary>The offset of a position; positions past a line's end clamp to it, as LSP asks.</summary>
    public int OffsetAt(Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }
        if (position.Line >= _lineStarts.Length)
        {
            return Text.Length;
        }
        var start = _lineStarts[position.Line];
        return Math.Min(start + Math.Max(0, position.Character), LineContentEnd(position.Line));
    }

    public TextRange RangeOf(TextSpan span) => new(PositionAt(span.Start), PositionAt(span.End));

    public TextSpan SpanOf(TextRange range)
    {
        var start = OffsetAt(range.Start);
        return TextSpan.FromBounds(start, Math.Max(start, OffsetAt(range.End)));
    }
}
