using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Field lines that templates use instead of headings: <c>**Root Causes:** text</c>, <c>**Trigger**: text</c>, and
/// definition-list fields (<c>Impact</c> on one line, <c>: text</c> on the next). Only paragraphs directly in the
/// document are read, so bold lead-ins inside list items and quotes stay prose.
/// </summary>
internal static partial class FieldLineReader
{
    private const int MaxLabelWords = 6;

    public static List<HeadingInfo> Read(LineMap lines, IReadOnlyList<TextSpan> paragraphs)
    {
        var fields = new List<HeadingInfo>();
        foreach (var paragraph in paragraphs)
        {
            var first = lines.PositionAt(paragraph.Start).Line;
            var last = lines.PositionAt(Math.Max(paragraph.Start, paragraph.End - 1)).Line;
            for (var line = first; line <= last; line++)
            {
                var text = lines.LineText(line);
                var start = lines.LineStart(line);
                var bold = BoldField().Match(text);
                if (bold.Success && IsLabel(bold.Groups["label"].Value))
                {
                    fields.Add(Field(lines, line, start + bold.Groups["label"].Index, bold.Groups["label"].Length, start + bold.Length));
                    continue;
                }
                if (line < last && DefinitionTerm().Match(text) is { Success: true } term && IsLabel(term.Groups["label"].Value)
                    && DefinitionValue().Match(lines.LineText(line + 1)) is { Success: true } value)
                {
                    fields.Add(Field(lines, line, start + term.Groups["label"].Index, term.Groups["label"].Length, lines.LineStart(line + 1) + value.Length));
                    line++;
                }
            }
        }
        return fields;
    }

    private static HeadingInfo Field(LineMap lines, int line, int labelStart, int labelLength, int contentStart) =>
        new(HeadingInfo.FieldLevel, TextSpan.FromBounds(lines.LineStart(line), lines.LineContentEnd(line)), line, IsSetext: false)
        {
            FieldLabel = new TextSpan(labelStart, labelLength),
            FieldContentStart = contentStart,
        };

    private static bool IsLabel(string label) => label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxLabelWords;

    [GeneratedRegex(@"^ {0,3}(?<open>\*\*|__)(?<label>\p{L}[^*_:：\r\n]{0,58}?)[ \t]*(?:[:：][ \t]*\k<open>|\k<open>[ \t]*[:：])[ \t]*")]
    private static partial Regex BoldField();

    [GeneratedRegex(@"^ {0,3}(?<label>\p{L}[^:：|\r\n]{0,58}?)[ \t]*$")]
    private static partial Regex DefinitionTerm();

    [GeneratedRegex(@"^ {0,3}:[ \t]+")]
    private static partial Regex DefinitionValue();
}
