namespace LspTriage.Core.Similarity.Records;

/// <summary>
/// What the similarity stores keep about one past incident: enough to rank it (<see cref="Key"/>) and to show it in a
/// hover card or a "Similar past incidents" list without reopening the file.
/// </summary>
/// <param name="Id">Stable identity: front matter <c>id</c> (or <c>uuid</c>), else the file's path relative to the indexed folder.</param>
/// <param name="Title">Front matter <c>title</c> or the first level-1 heading; the file name when neither exists.</param>
/// <param name="Key">The text compared with pg_trgm similarity (see <see cref="IncidentKey"/>).</param>
/// <param name="Date">The incident date as yyyy-MM-dd when front matter <c>created</c>/<c>date</c>/<c>start_time</c> reads as one.</param>
/// <param name="RootCause">The root cause in one line, if the file states one.</param>
/// <param name="Path">Full file system path, when the record came from a file.</param>
public sealed record IncidentRecord(
    string Id,
    string Title,
    string Key,
    string? Service,
    string? Date,
    string? Severity,
    string? RootCause,
    string? Path,
    IReadOnlyList<string> Categories)
{
    /// <summary>How the incident was resolved, in one line, if the file says.</summary>
    public string? Resolution { get; init; }

    /// <summary>Failure signatures and identifiers: the signals of the combined match score.</summary>
    public Matching.IncidentFeatures Features { get; init; } = Matching.IncidentFeatures.Empty;

    /// <summary>A <c>file://</c> URI for <see cref="Path"/>, for links in hovers and rendered lists.</summary>
    public Uri? FileUri => Path is null ? null : new Uri(System.IO.Path.GetFullPath(Path));
}
