using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Times of day and the context's time zone; lengths of time (<c>3:02:30</c>, <c>replay_lag 00:02:41</c>) are not moments.</summary>
internal static partial class TimeReader
{
    [GeneratedRegex(@"(?<![\d:.])(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?::[0-5]\d)?(?!\d)")]
    internal static partial Regex TimeOfDay();

    [GeneratedRegex(@"(?<![A-Za-z])(?<z>UTC|GMT)(?<o>\s?[+-]\s?\d{1,2}(:?\d\d)?)?(?![A-Za-z])|(?<=\d:\d\d(:\d\d(\.\d+)?)?)(?<zulu>Z)(?![A-Za-z])")]
    private static partial Regex ZoneRegex();

    [GeneratedRegex(@"(\blag|duration|elapsed|uptime|took|\bage|notBefore|notAfter|valid|expires?|\bfor|\bover|\bafter|\bran|runtime|running|\bin|\bwithin|\blasted)\W{0,3}$|=\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationLead();

    [GeneratedRegex(@"^\s?(Z|UTC|GMT|[+-]\d)")]
    private static partial Regex ZoneAfter();

    [GeneratedRegex(@"(notBefore|notAfter)=\w{3}\s+\d{1,2}\s+$")]
    private static partial Regex CertificateDate();

    /// <summary>The first time of day in <paramref name="text"/>, skipping durations; <see cref="Match.Empty"/> when none.</summary>
    public static Match FirstTime(string text)
    {
        foreach (Match m in TimeOfDay().Matches(text))
        {
            if (!IsDurationOrValidity(text, m))
            {
                return m;
            }
        }
        return Match.Empty;
    }

    public static int MinuteOf(Match time) =>
        int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture);

    public static string? ZoneOf(string raw)
    {
        var m = ZoneRegex().Match(raw);
        if (!m.Success)
        {
            return null;
        }
        return m.Groups["zulu"].Success ? "UTC" : m.Groups["z"].Value + m.Groups["o"].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>"replay_lag 00:02:41", "ran for 3:02:30" or "notAfter=Feb  1 00:00:00 2026" read like times of day but are not events.</summary>
    private static bool IsDurationOrValidity(string text, Match m)
    {
        var before = text[Math.Max(0, m.Index - 24)..m.Index];
        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 6)];
        // "00:02:41" with seconds and no zone is a length of time, not a moment.
        var zeroHourSpan = m.Value.Count(c => c == ':') == 2 && m.Groups["h"].Value is "00" or "0" && !ZoneAfter().IsMatch(after);
        return zeroHourSpan || DurationLead().IsMatch(before) || CertificateDate().IsMatch(before);
    }
}
