using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Text;

namespace LspTriage.Core.Similarity.Records;

/// <summary>
/// Reads an <see cref="IncidentRecord"/> from incident markdown with one forward line scan: the front matter through
/// <see cref="FrontMatterReader"/> (the document model's rules, reading only the front matter's lines), the first level-1 heading, and the few sections a record needs (summary, symptoms, root cause, raw context).
/// It does not build the full document model: start-up indexing reads thousands of files and a full Markdig parse
/// per file is what made an earlier attempt miss its indexing target. The editor path uses the same reader so that the
/// key of an open document and the keys in the index are computed identically.
/// </summary>
public static partial class IncidentRecordReader
{
    private const int MaxSectionChars = 4000;
    private const int MaxRootCauseChars = 200;
    private const int MaxFirstParagraphChars = 600;

    /// <summary>Reads a record; never throws on malformed markdown or front matter.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="path">Full path of the file, if any (kept for links).</param>
    /// <param name="relativeId">Path relative to the indexed folder, used as the id when front matter has none.</param>
    /// <param name="keyMode">Which text becomes the similarity key.</param>
    /// <param name="withFeatures">Also read <see cref="IncidentRecord.Features"/> (runs the offline analyzer's rules).</param>
    public static IncidentRecord Read(string text, string? path, string? relativeId = null, IncidentKey keyMode = IncidentKeys.Default, bool withFeatures = true)
    {
        var scan = Scan(text);
        var fm = scan.FrontMatter;
        // Without a title, the opening sentence names the incident better than a file name (often a UUID) would.
        var title = Clean(Get(fm, "title") ?? scan.Title) is { Length: > 0 } t
            ? t
            : OneLine(scan.FirstParagraph, 120) ?? (path is null ? "Untitled incident" : System.IO.Path.GetFileNameWithoutExtension(path));
        var summary = Clean(Get(fm, "summary") ?? scan.Summary);
        var symptom = Clean(Get(fm, "symptom") ?? Get(fm, "symptoms") ?? scan.Symptoms);
        var symptomLine = FirstSentence(symptom) ?? FirstSentence(summary) ?? FirstSentence(scan.RawContext);

        var key = keyMode switch
        {
            IncidentKey.Title => title,
            IncidentKey.TitleAndSummary => Join(title, summary is { Length: > 0 } ? summary : symptomLine),
            _ => Join(title, symptomLine),
        };

        var id = Get(fm, "id") ?? Get(fm, "uuid") ?? relativeId?.Replace('\\', '/') ?? path ?? title;
        var rootCause = OneLine(Get(fm, "root_cause") ?? Get(fm, "rootcause") ?? scan.RootCause, MaxRootCauseChars);
        var categories = fm.Find("categories")?.Items ?? [];
        var date = NormaliseDate(Get(fm, "created") ?? Get(fm, "date") ?? Get(fm, "start_time"));
        var service = Get(fm, "service");
        return new IncidentRecord(id, title, key, service, date, Get(fm, "severity"), rootCause, path, categories)
        {
            Resolution = OneLine(Get(fm, "resolution") ?? scan.Resolution, MaxRootCauseChars),
            Features = withFeatures ? FeatureReader.Read(text[scan.BodyStart..], title, service) : IncidentFeatures.Empty,
        };
    }

    private static string Join(string title, string? more) =>
        string.IsNullOrWhiteSpace(more) ? title : title + " " + more;

    /// <summary>A scalar value (a list is not one), read by the document model's rules (<see cref="FrontMatterReader"/>).</summary>
    private static string? Get(FrontMatter fm, string key) =>
        fm.Find(key) is { Items.Count: 0, Value: { Length: > 0 } s } ? s : null;

    private sealed class ScanResult
    {
        public FrontMatter FrontMatter { get; init; } = FrontMatter.None;

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Symptoms { get; set; }

        public string? RootCause { get; set; }

        public string? Resolution { get; set; }

        /// <summary>Where the text after the front matter starts.</summary>
        public int BodyStart { get; set; }

        public string? RawContext { get; set; }

        public string? FirstParagraph { get; set; }
    }

    private enum Wanted
    {
        None,
        Summary,
        Symptoms,
        RootCause,
        Resolution,
        RawContext,
    }

    private static ScanResult Scan(string text)
    {
        var result = new ScanResult { FrontMatter = FrontMatterReader.Read(text, out var bodyStart), BodyStart = bodyStart };
        var lines = new LineReader(text, bodyStart);

        var section = Wanted.None;
        var sectionLevel = 0;
        var content = new StringBuilder();
        string? fence = null;
        while (lines.Next() is { } line)
        {
            var trimmed = line.TrimStart();
            // Fenced code (logs, commands) is left out of keys: it is noise to a lexical comparison.
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                continue;
            }
            var level = HeadingLevel(line, out var heading);
            if (level == 0)
            {
                if (result.FirstParagraph is null && trimmed.Length > 0 && !trimmed.StartsWith("<!--", StringComparison.Ordinal))
                {
                    result.FirstParagraph = trimmed;
                }
                AppendContent(content, section, line);
                continue;
            }
            if (section != Wanted.None && level <= sectionLevel)
            {
                Store(result, section, content);
                section = Wanted.None;
            }
            if (level == 1 && result.Title is null)
            {
                result.Title = heading;
                continue;
            }
            if (section == Wanted.None)
            {
                var kind = Classify(heading);
                if (kind != Wanted.None && GetStored(result, kind) is null)
                {
                    section = kind;
                    sectionLevel = level;
                    content.Clear();
                }
            }
            else
            {
                AppendContent(content, section, line);
            }
        }
        if (section != Wanted.None)
        {
            Store(result, section, content);
        }
        return result;
    }

    private static void AppendContent(StringBuilder content, Wanted section, string line)
    {
        // Only the summary is used whole; of the other sections the record needs the first line, so stop there
        // (raw context can be thousands of lines of logs).
        if (section == Wanted.None || content.Length > MaxSectionChars || (section != Wanted.Summary && (content.Length > MaxFirstParagraphChars || (content.Length > 0 && content[^1] == '\n'))))
        {
            return;
        }
        var t = line.Trim();
        if (OnlyATime().IsMatch(t))
        {
            return; // "14:02 UTC" on a line of its own says nothing about what happened.
        }
        if (t.Length == 0 || t.StartsWith("<!--", StringComparison.Ordinal))
        {
            if (content.Length > 0 && content[^1] != '\n')
            {
                content.Append('\n');
            }
            return;
        }
        if (content.Length > 0 && content[^1] != '\n')
        {
            content.Append(' ');
        }
        content.Append(t);
    }

    private static string? GetStored(ScanResult r, Wanted kind) => kind switch
    {
        Wanted.Summary => r.Summary,
        Wanted.Symptoms => r.Symptoms,
        Wanted.RootCause => r.RootCause,
        Wanted.Resolution => r.Resolution,
        Wanted.RawContext => r.RawContext,
        _ => null,
    };

    private static void Store(ScanResult r, Wanted kind, StringBuilder content)
    {
        var value = WithoutPlaceholders(content.ToString()).Trim();
        content.Clear();
        if (value.Length == 0)
        {
            return;
        }
        switch (kind)
        {
            case Wanted.Summary: r.Summary = value; break;
            case Wanted.Symptoms: r.Symptoms = value; break;
            case Wanted.RootCause: r.RootCause = value; break;
            case Wanted.Resolution: r.Resolution = value; break;
            case Wanted.RawContext: r.RawContext = value; break;
        }
    }

    // The placeholder tokens the checks report (LT001), so an unfilled "[FILL IN]" or "[待补充]" summary does not make
    // every half-written postmortem look alike.
    private static readonly PlaceholderScanner Placeholders = new([]);

    private static string WithoutPlaceholders(string text)
    {
        var spans = new List<TextSpan>();
        Placeholders.Scan(text, new TextSpan(0, text.Length), (_, span) => spans.Add(span));
        if (spans.Count > 0)
        {
            var sb = new StringBuilder(text);
            foreach (var span in spans.OrderByDescending(s => s.Start))
            {
                sb.Remove(span.Start, span.Length).Insert(span.Start, " ");
            }
            text = sb.ToString();
        }
        return text.Trim().Trim('-', '*', ' ').Length == 0 ? "" : text;
    }

    // The document model's heading aliases (English and Chinese), so the reader and the editor agree on sections;
    // symptoms have no section kind of their own there.
    private static Wanted Classify(string heading)
    {
        switch (SectionAliases.Classify(heading))
        {
            case SectionKind.Summary:
                return Wanted.Summary;
            case SectionKind.RootCause:
                return Wanted.RootCause;
            case SectionKind.RawContext:
                return Wanted.RawContext;
            case SectionKind.Mitigation:
                return Wanted.Resolution;
        }
        var h = heading.Trim().TrimEnd(':', '：').Trim().ToLowerInvariant();
        return h is "symptom" or "symptoms" or "症状" or "现象" or "故障现象" ? Wanted.Symptoms
            : h is "fix" or "remediation" or "解决方案" or "解决" or "修复" or "处理结果" ? Wanted.Resolution
            : Wanted.None;
    }

    // ATX headings only (setext headings are rare in incident files and cost a look-behind).
    private static int HeadingLevel(string line, out string heading)
    {
        heading = "";
        var i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ')
        {
            i++;
        }
        var start = i;
        while (i < line.Length && line[i] == '#')
        {
            i++;
        }
        var level = i - start;
        if (level is 0 or > 6 || (i < line.Length && line[i] != ' ' && line[i] != '\t'))
        {
            return 0;
        }
        var h = line[i..].Trim();
        // Closing sequence of #s.
        var end = h.Length;
        while (end > 0 && h[end - 1] == '#')
        {
            end--;
        }
        if (end < h.Length && (end == 0 || h[end - 1] == ' '))
        {
            h = h[..end].TrimEnd();
        }
        heading = h;
        return level;
    }

    /// <summary>Markdown link targets and emphasis add noise trigrams (URLs above all): keep the visible text only.</summary>
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (!value.Contains("](", StringComparison.Ordinal))
        {
            return value.Trim();
        }
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == ']' && i + 1 < value.Length && value[i + 1] == '(')
            {
                var close = value.IndexOf(')', i + 2);
                if (close > 0)
                {
                    i = close;
                    continue;
                }
            }
            if (value[i] != '[')
            {
                sb.Append(value[i]);
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>The first sentence (ASCII ". " or a CJK full stop) or the first line, whichever ends first, passing
    /// over sentences that only give a time ("Time: 14:02 UTC."): every incident has one and they say nothing about it.</summary>
    internal static string? FirstSentence(string? text)
    {
        for (var rest = text; !string.IsNullOrWhiteSpace(rest);)
        {
            var sentence = FirstSentenceOf(rest, out var consumed);
            if (sentence is null || !OnlyATime().IsMatch(sentence))
            {
                return sentence;
            }
            rest = rest.TrimStart()[consumed..];
        }
        return null;
    }

    // "14:02 UTC", "Time: 14:02 UTC.", "2026-06-02 14:02:11Z", "时间：14:02", "- 14:02" — nothing else on the line.
    [GeneratedRegex(@"^(?=.*(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}))[-*\s]*(?:(?:time|when|started|start time|时间|开始时间)\s*[:：]\s*)?(?:\d{4}-\d{2}-\d{2}[ T]?)?(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:UTC|GMT|Z|CST|PST|PDT|EST|EDT|CET|CEST|BST|JST|IST|[+-]\d{2}:?\d{2})?\s*[.。:：]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OnlyATime();

    private static string? FirstSentenceOf(string text, out int consumed)
    {
        var t = text.TrimStart();
        var end = t.IndexOf('\n');
        if (end < 0)
        {
            end = t.Length;
        }
        for (var i = 0; i < end; i++)
        {
            var c = t[i];
            if (c is '。' or '！' or '？')
            {
                end = i + 1;
                break;
            }
            if (c is '.' or '!' or '?' && (i + 1 == t.Length || t[i + 1] == ' ') && i > 0 && !char.IsDigit(t[i - 1]))
            {
                end = i + 1;
                break;
            }
        }
        consumed = Math.Max(1, end);
        var line = t[..end].Trim();
        if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
        {
            line = line[2..];
        }
        return line.Length == 0 ? null : line;
    }

    private static string? OneLine(string? text, int max)
    {
        var s = FirstSentence(Clean(text));
        if (s is null)
        {
            return null;
        }
        s = s.Replace("**", "", StringComparison.Ordinal);
        return s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
    }

    private static string? NormaliseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            return dto.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>Splits on \n, \r\n and \r without allocating the whole array up front.</summary>
    private struct LineReader(string text, int start)
    {
        private int _pos = start;

        public string? Next()
        {
            if (_pos >= text.Length)
            {
                return null;
            }
            var start = _pos;
            var nl = text.AsSpan(start).IndexOfAny('\n', '\r');
            if (nl < 0)
            {
                _pos = text.Length;
                return text[start..];
            }
            var end = start + nl;
            _pos = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            return text[start..end];
        }
    }
}

/// <summary>The key choice in force (see <see cref="IncidentKey"/> for the measurement behind it).</summary>
public static class IncidentKeys
{
    public const IncidentKey Default = IncidentKey.TitleAndSummary;
}
