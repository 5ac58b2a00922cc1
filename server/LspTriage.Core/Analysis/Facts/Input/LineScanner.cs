using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// Recognises the forms people paste — JSON alert payloads, kubectl tables, <c>describe</c> blocks with their Events,
/// <c>get events</c>, log lines (plain, JSON, logfmt, stack traces), trace spans, chat lines — line by line.
/// </summary>
internal static partial class LineScanner
{
    [GeneratedRegex(@"^Name:\s+(?<name>\S+)\s*$")]
    private static partial Regex DescribeName();

    [GeneratedRegex(@"^Namespace:\s+(?<ns>\S+)\s*$")]
    private static partial Regex DescribeNamespace();

    [GeneratedRegex(@"^\s*Events:\s*(<none>)?\s*$")]
    private static partial Regex EventsHeading();

    [GeneratedRegex(@"""(level|severity|lvl|msg|message|log)""\s*:")]
    private static partial Regex JsonLogKey();

    [GeneratedRegex(@"alertname|""alerts""|alert_title|""event_type""|""incident""|""labels""\s*:|""annotations""|""monitor""|""alert_type""")]
    private static partial Regex AlertKey();

    [GeneratedRegex(@"(^|\s)(level|lvl|severity)=""?\w+|(^|\s)msg=")]
    private static partial Regex Logfmt();

    [GeneratedRegex(@"^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|^[IWEF]\d{4} \d\d:\d\d:\d\d|^[A-Z][a-z]{2}\s+\d{1,2} \d\d:\d\d:\d\d |^\[?(ERROR|WARN|WARNING|INFO|DEBUG|FATAL|TRACE|CRITICAL|PANIC|panic)\]?[\s:]|^\[pod/|^(Traceback|Exception in thread|Caused by:|panic:)|^[\w.]+(Exception|Error): ")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"^\[pod/(?<pod>[\w.-]+)/[\w.-]+\]")]
    private static partial Regex LogPrefix();

    [GeneratedRegex(@"[├└│┬┌▼▶]|^\s*(span|Span|SPAN)\b|""span_?(id|name)""|\bspan=|\btrace_?id\b[^\n]*\bduration", RegexOptions.CultureInvariant)]
    private static partial Regex TraceLine();

    [GeneratedRegex(@"^\[?\d{1,2}:\d{2}(:\d{2})?(\s?[AP]M)?\]?\s+@?[\w.-]{2,24}:\s+\S|^@?[\w.-]{2,24}\s+\[\d{1,2}:\d{2}(\s?[AP]M)?\]:?\s")]
    private static partial Regex ChatLine();

    [GeneratedRegex(@"^\s*[├└]")]
    private static partial Regex TreeChild();

    [GeneratedRegex(@"\d(\.\d+)?\s?(ms|s)\s*$")]
    private static partial Regex SpanDuration();

    /// <summary>A describe block's own top-level lines: "Key:" then spaces or the end ("Start Time:  …", "Events:").</summary>
    [GeneratedRegex(@"^[A-Z][\w ()/.-]{0,40}:(\s|$)")]
    private static partial Regex DescribeKey();

    [GeneratedRegex(@"^\s*(\$|PS>|>)\s+\S")]
    private static partial Regex ShellPrompt();

    public static ScannedLines Scan(string raw)
    {
        var lines = new List<ScannedLine>();
        var start = 0;
        while (start <= raw.Length)
        {
            var nl = raw.IndexOf('\n', start);
            var end = nl < 0 ? raw.Length : nl;
            lines.Add(new ScannedLine(start, end > start && raw[end - 1] == '\r' ? end - 1 : end));
            if (nl < 0)
            {
                break;
            }
            start = nl + 1;
        }

        TableLayout? table = null;
        string? describeName = null;
        string? describeNamespace = null;
        var inEvents = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = raw[line.Start..line.End];
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0)
            {
                table = null;
                describeName = null;
                continue;
            }
            if (trimmed[0] is '{' or '[' && JsonEnd(raw, lines, i) is var last && last >= 0)
            {
                var region = raw[line.Start..lines[last].End];
                var source = AlertKey().IsMatch(region) ? FactSource.Alert : FactSource.Log;
                for (var j = i; j <= last; j++)
                {
                    lines[j].Source = source;
                }
                i = last;
                continue;
            }
            if (TableLayout.TryHeader(text) is { } header)
            {
                table = header;
                inEvents = header.IsEvents;
                line.IsBoilerplate = true;
                line.Source = inEvents ? FactSource.Event : FactSource.Table;
                continue;
            }
            if (ShellPrompt().IsMatch(text))
            {
                // A new command: whatever table or describe block came before has ended.
                table = null;
                describeName = null;
                line.IsBoilerplate = true;
                continue;
            }
            if (Boilerplate.IsBoilerplate(text))
            {
                line.IsBoilerplate = true;
                line.Source = describeName is not null ? FactSource.Describe : FactSource.Prose;
                continue;
            }
            if (table is not null && table.Cells(text) is { } cells)
            {
                line.Cells = cells;
                line.Source = table.IsEvents ? FactSource.Event : FactSource.Table;
                line.Owner = OwnerOf(cells) ?? (table.IsEvents ? describeName : null);
                line.Namespace = cells.GetValueOrDefault("NAMESPACE") ?? describeNamespace;
                continue;
            }
            table = null;
            if (DescribeName().Match(text) is { Success: true } name)
            {
                describeName = name.Groups["name"].Value;
                describeNamespace = null;
                inEvents = false;
            }
            if (describeName is not null && text.Length > 0 && !char.IsWhiteSpace(text[0]) && !DescribeKey().IsMatch(text))
            {
                describeName = null;
            }
            if (describeName is not null)
            {
                if (DescribeNamespace().Match(text) is { Success: true } ns)
                {
                    describeNamespace = ns.Groups["ns"].Value;
                }
                inEvents |= EventsHeading().IsMatch(text);
                line.Source = inEvents ? FactSource.Event : FactSource.Describe;
                line.Owner = describeName;
                line.Namespace = describeNamespace;
                continue;
            }
            if (Boilerplate.IsStackFrame(text))
            {
                line.Source = FactSource.Log;
                line.IsBoilerplate = true;
                continue;
            }
            line.Source = Classify(text, trimmed);
            // A trace tree's first line (the request) has no glyph; its children do.
            if (line.Source == FactSource.Trace && i > 0 && lines[i - 1].Source == FactSource.Prose && TreeChild().IsMatch(text) && SpanDuration().IsMatch(raw[lines[i - 1].Start..lines[i - 1].End]))
            {
                lines[i - 1].Source = FactSource.Trace;
            }
            if (LogPrefix().Match(trimmed) is { Success: true } prefix)
            {
                line.Owner = prefix.Groups["pod"].Value;
            }
        }
        return new ScannedLines(lines);
    }

    private static FactSource Classify(string text, string trimmed)
    {
        if (ChatLine().IsMatch(trimmed))
        {
            return FactSource.Chat;
        }
        if (TraceLine().IsMatch(text))
        {
            return FactSource.Trace;
        }
        if (LogLine().IsMatch(trimmed) || Logfmt().IsMatch(text) || (trimmed.StartsWith('{') && JsonLogKey().IsMatch(trimmed)))
        {
            return FactSource.Log;
        }
        return FactSource.Prose;
    }

    /// <summary>The last line of a JSON value starting at line <paramref name="first"/>, or -1 when it does not close (not JSON).</summary>
    private static int JsonEnd(string raw, List<ScannedLine> lines, int first)
    {
        var depth = 0;
        var inString = false;
        for (var j = first; j < lines.Count && j < first + 2000; j++)
        {
            for (var p = lines[j].Start; p < lines[j].End; p++)
            {
                var ch = raw[p];
                if (inString)
                {
                    if (ch == '\\')
                    {
                        p++;
                    }
                    else if (ch == '"')
                    {
                        inString = false;
                    }
                    continue;
                }
                switch (ch)
                {
                    case '"':
                        inString = true;
                        break;
                    case '{' or '[':
                        depth++;
                        break;
                    case '}' or ']':
                        depth--;
                        if (depth == 0)
                        {
                            // A single-line log object is a log line, not a payload.
                            return j == first && raw[(p + 1)..lines[j].End].Trim().Length > 0 ? -1 : j;
                        }
                        break;
                }
            }
            if (j == first && depth == 0)
            {
                return -1;
            }
        }
        return -1;
    }

    private static string? OwnerOf(IReadOnlyDictionary<string, string> cells)
    {
        if (cells.TryGetValue("OBJECT", out var obj) && obj.Length > 0)
        {
            var slash = obj.IndexOf('/', StringComparison.Ordinal);
            return slash >= 0 ? obj[(slash + 1)..] : obj;
        }
        return cells.TryGetValue("NAME", out var name) && name.Length > 0 ? name : null;
    }
}
