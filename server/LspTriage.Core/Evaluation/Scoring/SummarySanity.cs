using System.Text.RegularExpressions;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>What is wrong with a summary, if anything. Checked in this order; the first that applies is reported.</summary>
public enum SummaryProblem
{
    None,
    Empty,
    TooLong,
    JsonFragment,
    TableRow,
    LogLine,
    NoWords,
    OffTopic,
}

/// <summary>
/// A sane summary is a sentence about the symptom: not empty; at most 600 characters (longer is pasted context);
/// not JSON (starts with <c>{</c> or <c>[</c>, or holds a member <c>"key": value</c>); not a table row (starts with
/// <c>|</c>, has two or more <c>|</c> cell separators, or three column gaps of two or more spaces); not a log line
/// (starts with an ISO date-time, a chat stamp <c>[10:02]</c>, a log level followed by <c>:</c> or <c>]</c>, or
/// <c>level=</c>); has words (three words of two or more letters, or six Chinese characters), so a bare number or
/// identifier fails; and shares a content word with the raw context (a four-letter word that is not a stop word, or
/// two Chinese characters in a row), so a generic or invented summary fails. A Chinese summary of an English context
/// passes that last check through the names it carries over (service, error text), as a useful one does.
/// </summary>
public static partial class SummarySanity
{
    public const int MaxLength = 600;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "also", "because", "been", "before", "from", "have", "into", "more", "most", "only", "over",
        "some", "than", "that", "their", "then", "there", "they", "this", "very", "were", "what", "when", "which", "while", "with",
    };

    /// <summary>A JSON member: a quoted key, a colon and a JSON value. A Go error quotes its operand the same way
    /// (<c>Post "https://…": tls: …</c>, <c>Failed to pull image "repo:tag": rpc error</c>) but no value follows.</summary>
    [GeneratedRegex(@"\\?""[^""\n]{1,60}\\?""\s*:\s*(\\?""|-?\d|\{|\[|true\b|false\b|null\b)")]
    private static partial Regex QuotedKey();

    [GeneratedRegex(@"\S( {2,}|\t)\S")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[\d{1,2}:\d{2}(:\d{2})?\]|\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL|PANIC)\b\s*[:\]]|level=)", RegexOptions.IgnoreCase)]
    private static partial Regex LogLineStart();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"[A-Za-z]{4,}")]
    private static partial Regex ContentWord();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2}")]
    private static partial Regex HanPair();

    public static SummaryProblem Check(string? summary, string rawContext)
    {
        var s = (summary ?? "").Trim();
        if (s.Length == 0)
        {
            return SummaryProblem.Empty;
        }
        if (s.Length > MaxLength)
        {
            return SummaryProblem.TooLong;
        }
        if (s[0] is '{' or '[' && !LogLineStart().IsMatch(s) || QuotedKey().IsMatch(s))
        {
            return SummaryProblem.JsonFragment;
        }
        if (s[0] == '|' || s.Count(c => c == '|') >= 2 || ColumnGap().Matches(s).Count >= 3)
        {
            return SummaryProblem.TableRow;
        }
        if (LogLineStart().IsMatch(s))
        {
            return SummaryProblem.LogLine;
        }
        var han = s.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var words = Word().Matches(s).Count(m => m.Value.Any(c => c is < '\u4e00' or > '\u9fff'));
        if (words < 3 && han < 6)
        {
            return SummaryProblem.NoWords;
        }
        return SharesContentWord(s, rawContext) ? SummaryProblem.None : SummaryProblem.OffTopic;
    }

    private static bool SharesContentWord(string summary, string rawContext)
    {
        foreach (Match m in ContentWord().Matches(summary))
        {
            if (!StopWords.Contains(m.Value) && rawContext.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        for (var m = HanPair().Match(summary); m.Success; m = HanPair().Match(summary, m.Index + 1))
        {
            if (rawContext.Contains(m.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
