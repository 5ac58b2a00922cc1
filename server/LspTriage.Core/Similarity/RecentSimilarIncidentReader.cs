using System.Globalization;
using LspTriage.Core.Actions;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Similarity;

/// <summary>
/// Turns a similar incident found in the index into the <see cref="RecentSimilarIncident"/> the repeat-incident rule reads: its
/// date from the record, its open action items from its file, read now (the index does not keep action items, and an
/// item closed since the file was indexed must not be reported as open).
/// </summary>
public static class RecentSimilarIncidentReader
{
    /// <summary>Null when the record has no date or no file, or the file cannot be read.</summary>
    public static RecentSimilarIncident? Read(SimilarIncident found, DocumentOptions options)
    {
        var record = found.Incident;
        if (record.Path is not { } path || !DateOnly.TryParseExact(record.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return FromText(record.Title, path, date, text, options);
    }

    /// <summary>The past incident of a file's text; the link points at its first open action item.</summary>
    public static RecentSimilarIncident FromText(string title, string path, DateOnly date, string text, DocumentOptions options)
    {
        var open = OpenActionItem.From(path, IncidentDocument.Parse(text, path, options)).ToList();
        return new RecentSimilarIncident(title, path, date, open.Count, open.Count > 0 ? open[0].Line - 1 : 0);
    }
}
