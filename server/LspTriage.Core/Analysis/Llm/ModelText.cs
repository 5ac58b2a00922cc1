using System.Text;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// Makes a model's prose inert before it becomes markdown in the user's document. The raw context can carry
/// instructions written by anyone (a log line, a chat message, an alert annotation), so the model's answer is
/// untrusted: it must not add a link or an image that a preview would follow or fetch (an image URL is a way to
/// send the incident out), raw HTML, a heading that changes the document's structure, or a line that reads as our
/// generated-block markers. Links and images keep their words and show their target as code; HTML and marker lines
/// are escaped; code spans are left as written, since nothing renders inside them.
/// </summary>
public static partial class ModelText
{
    /// <summary><c>![alt](target "title")</c> and <c>[words](target)</c>; the target may be wrapped in angle brackets.</summary>
    [GeneratedRegex(@"(?<image>!?)\[(?<words>[^\]\n]*)\]\(\s*<?(?<target>[^)\s>]*)>?[^)\n]*\)")]
    private static partial Regex InlineLink();

    /// <summary><c>&lt;https://host/x&gt;</c>, <c>&lt;mailto:a@b&gt;</c>.</summary>
    [GeneratedRegex(@"<(?<target>[A-Za-z][\w+.-]{1,31}:[^\s<>]*)>")]
    private static partial Regex Autolink();

    /// <summary>The start of an HTML tag, comment or declaration: <c>&lt;img</c>, <c>&lt;/a</c>, <c>&lt;!--</c>, <c>&lt;?</c>.</summary>
    [GeneratedRegex(@"<(?=[A-Za-z/!?])")]
    private static partial Regex HtmlStart();

    /// <summary>What a line must not start with: a heading, a link reference definition.</summary>
    [GeneratedRegex(@"^(?<indent>[ \t]{0,3})(?<mark>#{1,6}(?=\s|$)|\[(?=[^\]\n]+\]:))", RegexOptions.Multiline)]
    private static partial Regex LineStart();

    [GeneratedRegex(@"\s*\r?\n\s*")]
    private static partial Regex LineBreaks();

    /// <summary>An HTML comment at the start of a line, even inside a code span that spans lines: our block markers
    /// are found line by line, whatever markdown would make of them.</summary>
    [GeneratedRegex(@"^(?<indent>\s*)<!--", RegexOptions.Multiline)]
    private static partial Regex CommentLine();

    /// <summary>One line of prose (a title, a step, a reason): line breaks become spaces, then <see cref="Inert"/>.</summary>
    public static string Line(string text) => Inert(LineBreaks().Replace(text, " "));

    /// <summary>A command is shown as written, in a code block where nothing renders, except a line that would read
    /// as one of our block markers (no shell command starts with <c>&lt;!--</c>).</summary>
    public static string Command(string text) => EscapeCommentLines(text);

    /// <summary>Prose that may span lines (a postmortem draft's paragraphs), made inert line by line.</summary>
    public static string Inert(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var tick = text.IndexOf('`', i);
            if (tick < 0)
            {
                sb.Append(Prose(text[i..]));
                break;
            }
            sb.Append(Prose(text[i..tick]));
            var run = RunAt(text, tick);
            var close = ClosingRun(text, tick + run, run);
            if (close < 0)
            {
                // An unclosed backtick run is literal text; what follows it is prose.
                sb.Append(text, tick, run);
                i = tick + run;
                continue;
            }
            sb.Append(text, tick, close + run - tick);
            i = close + run;
        }
        return EscapeCommentLines(sb.ToString());
    }

    private static string EscapeCommentLines(string text) => CommentLine().Replace(text, "${indent}&lt;!--");

    /// <summary>How many backticks in a row start at <paramref name="at"/>.</summary>
    private static int RunAt(string text, int at)
    {
        var run = 0;
        while (at + run < text.Length && text[at + run] == '`')
        {
            run++;
        }
        return run;
    }

    private static int ClosingRun(string text, int from, int length)
    {
        for (var j = text.IndexOf('`', from); j >= 0; j = text.IndexOf('`', j))
        {
            var run = RunAt(text, j);
            if (run == length)
            {
                return j;
            }
            j += run;
        }
        return -1;
    }

    private static string Prose(string s)
    {
        if (s.Length == 0)
        {
            return s;
        }
        s = InlineLink().Replace(s, m =>
        {
            var words = m.Groups["words"].Value.Trim();
            var target = m.Groups["target"].Value.Replace('`', '\'');
            var shown = target.Length == 0 ? "" : $"`{target}`";
            return words.Length == 0 ? shown : shown.Length == 0 ? words : $"{words} ({shown})";
        });
        s = Autolink().Replace(s, m => $"`{m.Groups["target"].Value.Replace('`', '\'')}`");
        s = HtmlStart().Replace(s, "&lt;");
        return LineStart().Replace(s, m => m.Groups["indent"].Value + "\\" + m.Groups["mark"].Value);
    }
}
