using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Documents;

/// <summary>
/// Reads the time at the start of a timeline entry: <c>14:02</c>, <c>14:02:10 UTC</c>, <c>2:02 PM</c>,
/// <c>2026-06-02 14:02Z</c>, <c>2026-06-02T14:02:00+08:00</c>, optionally in bold or code.
/// </summary>
internal static partial class TimelineTimeParser
{
    public enum Outcome
    {
        NoTime,
        Unreadable,
        Read,
    }

    /// <summary>Parses the leading time of <paramref name="entry"/>; <paramref name="length"/> is how many characters it used.</summary>
    public static Outcome TryParse(string entry, out TimelineTime? time, out int start, out int length)
    {
        time = null;
        var m = LeadingTime().Match(entry);
        start = m.Success ? m.Groups["all"].Index : 0;
        length = m.Success ? m.Groups["all"].Length : 0;
        if (!m.Success)
        {
            return LooksLikeTime().IsMatch(entry) ? Outcome.Unreadable : Outcome.NoTime;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return Outcome.Unreadable;
            }
            var pm = char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return Outcome.Unreadable;
        }
        DateOnly? date = null;
        if (m.Groups["date"].Success)
        {
            if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Outcome.Unreadable;
            }
            date = d;
        }
        time = new TimelineTime(date, new TimeOnly(hour, minute, second), ParseZone(m.Groups["zone"].Value));
        return Outcome.Read;
    }

    private static TimeSpan? ParseZone(string zone)
    {
        if (zone.Length == 0)
        {
            return null;
        }
        if (zone is "Z" or "UTC" or "GMT" or "utc")
        {
            return TimeSpan.Zero;
        }
        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length == 2)
        {
            digits += "00";
        }
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits[2..4], CultureInfo.InvariantCulture);
        return sign * new TimeSpan(hours, minutes, 0);
    }

    [GeneratedRegex(@"^[\s*_`\[]*(?<all>(?:(?<date>\d{4}-\d{2}-\d{2})[ T])?(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?(?:\s?(?<ampm>[AaPp]\.?[Mm]\.?))?(?:\s?(?<zone>Z|UTC|GMT|utc|[+-]\d{2}:?\d{2}))?)(?!\d)(?!:\d)")]
    private static partial Regex LeadingTime();

    /// <summary>Something time-shaped that did not parse, such as <c>25:70</c> or <c>14h02</c>.</summary>
    [GeneratedRegex(@"^[\s*_`\[]*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}(?::\d|h\d|\.\d{2}\b)")]
    private static partial Regex LooksLikeTime();
}
