using System.Text.RegularExpressions;
using LspTriage.Core.Text;

namespace LspTriage.Core.Documents;

/// <summary>
/// Finds placeholder tokens in a region of prose, skipping inline code spans. Block-level code is excluded by the
/// caller, which only hands us the source spans of non-code leaf blocks (Markdig's inline positions are unreliable for
/// bracketed text that is not a link, so we scan the source ourselves).
/// </summary>
internal sealed class PlaceholderScanner
{
    /// <summary>The built-in placeholder spellings: the one list every part of LspTriage uses (checks, grounding, similarity).</summary>
    internal const string BuiltInPattern = @"\[(?:FILL[ _-]?IN|TODO|待填写|待补充)\]|\bTBD\b";

    private readonly Regex _pattern;

    public PlaceholderScanner(IReadOnlyList<string> extraPatterns)
    {
        var valid = extraPatterns.Where(IsValidPattern).Select(p => $"(?:{p})");
        _pattern = new Regex(string.Join('|', valid.Prepend(BuiltInPattern)), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }

    public void Scan(string text, TextSpan region, Action<string, TextSpan> found)
    {
        var pos = region.Start;
        var end = Math.Min(region.End, text.Length);
        while (pos < end)
        {
            var tick = text.IndexOf('`', pos, end - pos);
            var proseEnd = tick < 0 ? end : tick;
            ScanProse(text, pos, proseEnd, found);
            if (tick < 0)
            {
                break;
            }
            pos = SkipCodeSpan(text, tick, end);
        }
    }

    private void ScanProse(string text, int start, int end, Action<string, TextSpan> found)
    {
        if (end <= start)
        {
            return;
        }
        try
        {
            for (var m = _pattern.Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                if (m.Length > 0)
                {
                    found(m.Value, new TextSpan(m.Index, m.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological user pattern: report nothing rather than hang the server.
        }
    }

    /// <summary>
    /// At a run of N backticks: returns the offset after the matching closing run of exactly N backticks (a code span),
    /// or after the opening run when there is none (literal backticks). Always advances.
    /// </summary>
    internal static int SkipCodeSpan(string text, int tick, int end)
    {
        var openLength = RunLength(text, tick, end);
        var search = tick + openLength;
        while (search < end)
        {
            var next = text.IndexOf('`', search, end - search);
            if (next < 0)
            {
                break;
            }
            var runLength = RunLength(text, next, end);
            if (runLength == openLength)
            {
                return next + runLength;
            }
            search = next + runLength;
        }
        return tick + openLength;
    }

    private static int RunLength(string text, int at, int end)
    {
        var i = at;
        while (i < end && text[i] == '`')
        {
            i++;
        }
        return i - at;
    }

    private static bool IsValidPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }
        try
        {
            _ = new Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
