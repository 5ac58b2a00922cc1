using System.Globalization;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>Reads the front matter <c>created</c> value: an ISO 8601 date or date-time (a date alone means midnight UTC).</summary>
public static class CreatedDate
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mmK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK",
    ];

    public static DateTimeOffset? Read(IncidentDocument document) =>
        document.FrontMatter["created"] is { } value && TryParse(value, out var parsed) ? parsed : null;

    public static bool TryParse(string value, out DateTimeOffset parsed)
    {
        var v = value.Trim();
        if (v.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            v = v[..^4] + "Z";
        }
        return DateTimeOffset.TryParseExact(v, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed);
    }
}
