using System.Text.Json;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Timelines;

/// <summary>
/// Reads pasted lines into events. Shapes understood, as the tools print them:
/// <list type="bullet">
/// <item>chat lines with the time first: <c>[10:02] alice: ...</c>, <c>[10:02:11] &lt;alice&gt; ...</c>, <c>[6/2/26, 10:02 AM] alice: ...</c>, <c>[下午2:05] 张三：...</c>;</item>
/// <item>a header line with the name, then the message lines (Slack, Teams, WeChat, Feishu): <c>alice  10:02 AM</c>,
/// <c>Alice Smith [10:02 AM]</c>, <c>[10:02 AM] Alice Smith</c>, <c>张三 10:02</c>, or the name and the time on two lines;
/// a lone time continues the last author;</item>
/// <item>log lines: ISO 8601, <c>2026-06-02 14:02:11,123</c>, syslog <c>Jun  2 14:02:11 host prog[1]: ...</c>, klog
/// <c>E0602 14:02:11.123456 ...</c>, JSON lines with a time and a message field;</item>
/// <item>incident logs: <c>Jun 2, 2026 at 2:04 PM  Acknowledged by Alice</c> (PagerDuty), <c>2026/06/02 14:04:11 ...</c> (Opsgenie);</item>
/// <item>date lines between messages (<c>Tuesday, June 2nd</c>, <c>2026年6月2日</c>) set the date of what follows.</item>
/// </list>
/// Reactions, thread counters and "(edited)" marks are dropped; other lines continue the message above them.
/// </summary>
public static partial class PasteReader
{
    private static readonly string[] LogLevels = ["TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL", "CRITICAL", "NOTICE", "ALERT", "EMERG"];

    /// <summary>Reads <paramref name="pasted"/>; dates printed without a year (syslog, Slack) take the year of <paramref name="reference"/>.</summary>
    public static PasteResult Read(string pasted, DateOnly? reference = null)
    {
        var lines = pasted.ReplaceLineEndings("\n").Split('\n');
        var events = new List<Draft>();
        var skipped = 0;
        DateOnly? date = null;
        int? yearlessDate = null;
        string? author = null;
        PasteStamp? clock = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Clean(lines[i]);
            if (line.Length == 0 || Noise().IsMatch(line))
            {
                continue;
            }
            if (DateLine().Match(line) is { Success: true } dateLine)
            {
                (date, yearlessDate) = PasteStamp.ReadDate(dateLine);
                continue;
            }
            if (ReadJson(line) is { } json)
            {
                events.Add(json with { Line = i });
                continue;
            }
            // The name on its own line and the time on the next (Slack and Teams copy this way).
            if (IsName(line) && (events.Count == 0 || events[^1].Text.Length > 0) && NextLine(lines, i) is var (next, nextIndex) && LoneStamp().Match(next) is { Success: true } lone && PasteStamp.From(lone) is { } loneStamp)
            {
                author = Name(line);
                clock = Clock(loneStamp, clock);
                events.Add(Start(clock, author, "", i, ref date, ref yearlessDate));
                i = nextIndex;
                continue;
            }
            if (Leading().Match(line) is { Success: true } leading && PasteStamp.From(leading) is { } stamp)
            {
                if (leading.Groups["kmo"].Success && stamp.Date is null)
                {
                    stamp = stamp with { MonthDayYearless = int.Parse(leading.Groups["kmo"].Value, System.Globalization.CultureInfo.InvariantCulture) * 100 + int.Parse(leading.Groups["kd"].Value, System.Globalization.CultureInfo.InvariantCulture) };
                }
                var rest = line[leading.Length..].Trim().TrimStart('-', '–', '—', '|', ' ', '\t');
                var bracketed = leading.Groups["open"].Success;
                var (who, text) = SplitAuthor(rest, bracketed, ref author);
                clock = Clock(stamp, clock);
                events.Add(Start(clock, who, text, i, ref date, ref yearlessDate));
                continue;
            }
            if (NameThenStamp().Match(line) is { Success: true } header && PasteStamp.From(header) is { } headerStamp
                && IsName(header.Groups["name"].Value) && !EndsWithPreposition(header.Groups["name"].Value)
                && (header.Groups["text"].Length == 0 || header.Groups["gap"].Length >= 2))
            {
                author = Name(header.Groups["name"].Value);
                clock = Clock(headerStamp, clock);
                events.Add(Start(clock, author, header.Groups["text"].Value.Trim(), i, ref date, ref yearlessDate));
                continue;
            }
            if (events.Count == 0)
            {
                skipped++;
                continue;
            }
            var last = events[^1];
            events[^1] = last with { Text = last.Text.Length == 0 ? line : last.Text + " " + line };
        }
        var read = events.Where(e => e.Text.Length > 0)
            .Select(e => new PastedEvent(e.Date ?? WithYear(e.MonthDay, reference), e.Time, e.Offset, e.Author, e.Text, e.Line))
            .ToArray();
        return new PasteResult(read, skipped);
    }

    /// <summary>Slack prints AM/PM on a message header but not on the bare times of the messages that follow it.</summary>
    private static PasteStamp Clock(PasteStamp stamp, PasteStamp? previous) =>
        previous is { TwelveHour: true } p ? stamp.OnClockOf(p.Time) : stamp;

    private static DateOnly? WithYear(int? monthDay, DateOnly? reference)
    {
        if (monthDay is not { } md || reference is not { } r)
        {
            return null;
        }
        var (month, day) = (md / 100, md % 100);
        return day <= DateTime.DaysInMonth(r.Year, month) ? new DateOnly(r.Year, month, day) : null;
    }

    private static Draft Start(PasteStamp stamp, string? author, string text, int line, ref DateOnly? date, ref int? yearless)
    {
        if (stamp.Date is not null || stamp.MonthDayYearless is not null)
        {
            (date, yearless) = (stamp.Date, stamp.MonthDayYearless);
        }
        return new Draft(date, yearless, stamp.Time, stamp.Offset, author, text, line);
    }

    /// <summary>After a leading time: <c>alice: text</c>, <c>&lt;alice&gt; text</c>, a Teams header naming only the author, or a log message.</summary>
    private static (string? Author, string Text) SplitAuthor(string rest, bool bracketed, ref string? author)
    {
        if (rest.Length == 0)
        {
            return (author, "");
        }
        if (Irc().Match(rest) is { Success: true } irc)
        {
            author = irc.Groups["name"].Value;
            return (author, irc.Groups["text"].Value.Trim());
        }
        if (ChatAuthor().Match(rest) is { Success: true } chat && IsName(chat.Groups["name"].Value) && !IsLogLevel(chat.Groups["name"].Value))
        {
            author = Name(chat.Groups["name"].Value);
            return (author, chat.Groups["text"].Value.Trim());
        }
        if (bracketed && IsName(rest) && !IsLogLevel(rest))
        {
            author = Name(rest);
            return (author, "");
        }
        if (Syslog().Match(rest) is { Success: true } syslog && !IsLogLevel(rest.Split(' ')[0]))
        {
            return (syslog.Groups["prog"].Value, syslog.Groups["text"].Value.Trim());
        }
        return (null, rest);
    }

    private static Draft? ReadJson(string line)
    {
        if (!line.StartsWith('{') || !line.EndsWith('}'))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var time = First(json.RootElement, "@timestamp", "timestamp", "time", "ts");
            var message = First(json.RootElement, "msg", "message", "event");
            if (time is null || message is null || !DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                return null;
            }
            var level = First(json.RootElement, "level", "severity", "lvl");
            var text = level is null ? message : $"{level.ToUpperInvariant()} {message}";
            return new Draft(DateOnly.FromDateTime(at.DateTime), null, TimeOnly.FromDateTime(at.DateTime), at.Offset, First(json.RootElement, "logger", "service", "app"), text, 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? First(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                return value.ToString();
            }
        }
        return null;
    }

    private static (string Line, int Index)? NextLine(string[] lines, int i)
    {
        for (var j = i + 1; j < lines.Length && j <= i + 2; j++)
        {
            var line = Clean(lines[j]);
            if (line.Length > 0)
            {
                return (line, j);
            }
        }
        return null;
    }

    private static string Clean(string line) => Edited().Replace(Bullet().Replace(line.Trim(), ""), "").Trim();

    /// <summary>A display name: up to four words of letters, no sentence punctuation. Bots carry an "APP" or "BOT" badge.</summary>
    private static bool IsName(string text)
    {
        var name = Name(text);
        return name.Length is > 0 and <= 40 && NameShape().IsMatch(name) && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;
    }

    private static string Name(string text) => Badge().Replace(text.Trim(), "").Trim();

    private static bool IsLogLevel(string name) =>
        name.Split([' ', '.', '/'], StringSplitOptions.RemoveEmptyEntries).Any(word => LogLevels.Contains(word.ToUpperInvariant()));

    private static bool EndsWithPreposition(string name) =>
        PrepositionEnd().IsMatch(name);

    private sealed record Draft(DateOnly? Date, int? MonthDay, TimeOnly Time, TimeSpan? Offset, string? Author, string Text, int Line);

    [GeneratedRegex(@"^(?<open>[\[(])?\s*(?:[IWEF](?<kmo>\d{2})(?<kd>\d{2})\s+)?" + PasteStamp.Pattern + @"\s*[\])]?")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^[\[(]?\s*" + PasteStamp.Pattern + @"\s*[\])]?$")]
    private static partial Regex LoneStamp();

    [GeneratedRegex(@"^(?<name>[^\[\]()<>:：\d][^\[\]()<>:：]*?)(?<gap>\s+)[\[(]?" + PasteStamp.Pattern + @"[\])]?(?:\s+(?<text>.+))?$")]
    private static partial Regex NameThenStamp();

    [GeneratedRegex(@"^(?:[-—–=*\s]*)(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?" + PasteStamp.DatePattern + @"(?:\s*(?:星期|周)[一二三四五六日天])?(?:[-—–=*\s]*)$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^<(?<name>[^>\s]{1,40})>\s*(?<text>.*)$")]
    private static partial Regex Irc();

    [GeneratedRegex(@"^(?<name>[^:：]{1,40}?)\s*[:：]\s*(?<text>.*)$")]
    private static partial Regex ChatAuthor();

    [GeneratedRegex(@"^\S+\s+(?<prog>[A-Za-z][\w./-]*)(?:\[\d+\])?:\s+(?<text>.+)$")]
    private static partial Regex Syslog();

    [GeneratedRegex(@"^@?[\p{L}][\p{L}\p{M}._'’ -]*$")]
    private static partial Regex NameShape();

    [GeneratedRegex(@"\s+(?:APP|BOT|应用|机器人)$")]
    private static partial Regex Badge();

    [GeneratedRegex(@"(?:^|\s)(?:at|by|on|until|since|around|before|after|from|to|about|approx|于|在|约)$", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionEnd();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s*(?:\(edited\)|（已编辑）|\(已编辑\))$")]
    private static partial Regex Edited();

    /// <summary>Chat furniture: reactions, thread counters, day markers without a date, join notices.</summary>
    [GeneratedRegex(@"^(?::[\w+-]+:(?:\s*\d+)?(?:\s+:[\w+-]+:(?:\s*\d+)?)*|\d+\s+repl(?:y|ies)(?:\b.*)?|View thread|Last reply.*|Today|Yesterday|今天|昨天|New messages?|.*\bhas joined the channel|This message was deleted\.?|此消息已撤回)$", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();
}

/// <summary>The events read from a paste, in paste order, and how many lines before the first event could not be read.</summary>
public sealed record PasteResult(IReadOnlyList<PastedEvent> Events, int SkippedLines);
