using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Timelines;

/// <summary>
/// A date and time as chat tools, loggers and incident tools print them: <c>10:02</c>, <c>10:02 AM</c>, <c>下午2:05</c>,
/// <c>2026-06-02T14:02:11.123Z</c>, <c>2026-06-02 14:02:11,123</c>, <c>2026/06/02 14:02:11</c>, <c>Jun  2 14:02:11</c>
/// (syslog), <c>Jun 2, 2026 at 2:04 PM</c> (PagerDuty), <c>6/2/2026 10:02 AM</c> (Teams), <c>2026年6月2日 10:02</c>.
/// </summary>
internal sealed record PasteStamp(DateOnly? Date, int? MonthDayYearless, TimeOnly Time, TimeSpan? Offset)
{
    /// <summary>True when the time said AM/PM or 上午/下午: a bare time after it (Slack's "2:03") is on the same 12-hour clock.</summary>
    public bool TwelveHour { get; init; }

    private const string Months = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

    public const string DatePattern =
        @"(?:(?<y>\d{4})[-/.](?<mo>\d{1,2})[-/.](?<d>\d{1,2})"
        + @"|(?<mo2>\d{1,2})/(?<d2>\d{1,2})(?:/(?<y2>\d{2,4}))?"
        + @"|(?<mon>" + Months + @")[a-z]*\.?\s+(?<d3>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y3>\d{4}))?"
        + @"|(?<d4>\d{1,2})\s+(?<mon4>" + Months + @")[a-z]*\.?(?:\s+(?<y4>\d{4}))?"
        + @"|(?:(?<y5>\d{4})\s*年\s*)?(?<mo5>\d{1,2})\s*月\s*(?<d5>\d{1,2})\s*[日号])";

    private const string Weekday = @"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+|(?:星期|周)[一二三四五六日天]\s*)?";

    public const string Pattern =
        Weekday + @"(?:" + DatePattern + @"(?:\s*,?\s*(?:at\s+)?|T)(?:星期[一二三四五六日天]\s*)?)?"
        + @"(?<cn>上午|下午|中午|晚上|凌晨|早上)?\s*(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:[.,]\d{1,9})?"
        + @"(?:\s?(?<ap>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
        + @"(?:\s?(?<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})(?![\w:]))?";

    /// <summary>Reads the match of <see cref="Pattern"/>; null when the numbers are out of range (25:70, 13 PM).</summary>
    public static PasteStamp? From(Match m)
    {
        var hour = Int(m, "h")!.Value;
        var minute = Int(m, "mi")!.Value;
        var second = Int(m, "s") ?? 0;
        if (m.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p' ? 12 : 0);
        }
        else if (m.Groups["cn"].Success && hour <= 12)
        {
            hour = m.Groups["cn"].Value switch
            {
                "下午" or "晚上" => hour % 12 + 12,
                "中午" => hour < 11 ? hour + 12 : hour,
                _ => hour % 12,
            };
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }
        var (date, yearless) = ReadDate(m);
        if (date is null && yearless is null && HasDate(m))
        {
            return null;
        }
        return new PasteStamp(date, yearless, new TimeOnly(hour, minute, second), Zone(m.Groups["zone"].Value))
        {
            TwelveHour = m.Groups["ap"].Success || m.Groups["cn"].Success,
        };
    }

    /// <summary>A date with a year, or a month and day without one (<c>month * 100 + day</c>), from a date-only match too.</summary>
    public static (DateOnly? Date, int? MonthDay) ReadDate(Match m)
    {
        int? year = null, month = null, day = null;
        if (m.Groups["y"].Success)
        {
            (year, month, day) = (Int(m, "y"), Int(m, "mo"), Int(m, "d"));
        }
        else if (m.Groups["mo2"].Success)
        {
            (month, day) = (Int(m, "mo2"), Int(m, "d2"));
            year = Int(m, "y2") is { } y2 ? (y2 < 100 ? 2000 + y2 : y2) : null;
            // A first number over 12 cannot be a month: 25/6/2026 is written day first.
            if (month > 12 && day <= 12)
            {
                (month, day) = (day, month);
            }
        }
        else if (m.Groups["mon"].Success)
        {
            (month, day, year) = (MonthOf(m.Groups["mon"].Value), Int(m, "d3"), Int(m, "y3"));
        }
        else if (m.Groups["mon4"].Success)
        {
            (month, day, year) = (MonthOf(m.Groups["mon4"].Value), Int(m, "d4"), Int(m, "y4"));
        }
        else if (m.Groups["mo5"].Success)
        {
            (month, day, year) = (Int(m, "mo5"), Int(m, "d5"), Int(m, "y5"));
        }
        if (month is not { } mo || day is not { } d || mo is < 1 or > 12 || d is < 1 or > 31)
        {
            return (null, null);
        }
        if (year is { } y)
        {
            return d <= DateTime.DaysInMonth(y, mo) ? (new DateOnly(y, mo, d), null) : (null, null);
        }
        return (null, mo * 100 + d);
    }

    /// <summary>A bare <c>h:mm</c> read on the 12-hour clock of <paramref name="previous"/>: the nearer of AM and PM at or after it.</summary>
    public PasteStamp OnClockOf(TimeOnly previous)
    {
        if (TwelveHour || Time.Hour > 12)
        {
            return this;
        }
        var am = new TimeOnly(Time.Hour % 12, Time.Minute, Time.Second);
        var pm = am.AddHours(12);
        var pick = new[] { am, pm }.OrderBy(t => (t - previous).Ticks).First();
        return this with { Time = pick, TwelveHour = true };
    }

    private static bool HasDate(Match m) =>
        m.Groups["y"].Success || m.Groups["mo2"].Success || m.Groups["mon"].Success || m.Groups["mon4"].Success || m.Groups["mo5"].Success;

    private static int MonthOf(string name) =>
        Array.IndexOf(Months.Split('|'), CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name[..3].ToLowerInvariant())) + 1;

    private static int? Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 0)
        {
            return null;
        }
        if (zone is "Z" or "UTC" or "GMT")
        {
            return TimeSpan.Zero;
        }
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var offset = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
        return zone[0] == '-' ? -offset : offset;
    }
}
