using System.Collections.Concurrent;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Similarity;

namespace LspTriage.Server.Features.Similarity;

/// <summary>
/// The input of the repeat-incident rule (LT030) for an open document: the similar incidents the index finds, with
/// their dates and the open action items of their files. Nothing while the index is still being built (diagnostics
/// must not wait for it; <see cref="SimilarityHost.Changed"/> makes the publisher compute again when it is ready).
/// <see cref="FindForFileAsync"/> is the same for a file nobody opened, from its record in the embedded index.
/// </summary>
internal sealed class RepeatIncidentSource(SimilarityHost similarity)
{
    // A past file is re-read only when it changes on disk: diagnostics run after every pause in typing.
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, RecentSimilarIncident? Past)> _files = new(Core.Files.FilePaths.Comparer);

    // One search at a time: LT030 is a hint, and with a shared PostgreSQL store a burst of opens and saves must not
    // take the connections that hovers, commands and the saves' own upserts need.
    private readonly SemaphoreSlim _oneSearch = new(1, 1);

    public async Task<IReadOnlyList<RecentSimilarIncident>> FindAsync(IncidentDocument document, DocumentOptions options, CancellationToken cancellationToken)
    {
        // Without a date nothing can be "within 30 days before": do not search at all.
        if (RepeatIncidentCheck.DateOf(document) is null)
        {
            return [];
        }
        IReadOnlyList<SimilarIncident>? found;
        await _oneSearch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            found = await similarity.FindIfReadyAsync(document, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneSearch.Release();
        }
        if (found is null || found.Count == 0)
        {
            return [];
        }
        return found.Select(f => Read(f, options)).OfType<RecentSimilarIncident>().ToArray();
    }

    /// <summary>
    /// LT030's input for a closed workspace file dated <paramref name="date"/>, from the record the index already
    /// holds for it (<see cref="SimilarityHost.FindIndexedIfReadyAsync"/>); null while the index is not ready.
    /// </summary>
    /// <param name="knownText">The text and stamp of a past file the caller holds (the workspace files it scanned), so
    /// the search does not read them from disk again; null for files it does not hold.</param>
    public async Task<IReadOnlyList<RecentSimilarIncident>?> FindForFileAsync(string path, DocumentOptions options, Func<string, (string Text, long Stamp)?> knownText, CancellationToken cancellationToken)
    {
        var found = await similarity.FindIndexedIfReadyAsync(path, cancellationToken).ConfigureAwait(false);
        return found is null ? null : found.Select(f => f.Incident.Path is { } p && knownText(p) is { } known ? FromKnown(f, p, known, options) : Read(f, options)).OfType<RecentSimilarIncident>().ToArray();
    }

    private RecentSimilarIncident? FromKnown(SimilarIncident found, string path, (string Text, long Stamp) known, DocumentOptions options)
    {
        // Keyed by the holder's stamp instead of the file's time and length (DateTime.MinValue marks the difference).
        if (_files.TryGetValue(path, out var cached) && cached.Written == DateTime.MinValue && cached.Length == known.Stamp)
        {
            return cached.Past;
        }
        var past = DateOnly.TryParseExact(found.Incident.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? RecentSimilarIncidentReader.FromText(found.Incident.Title, path, date, known.Text, options)
            : null;
        _files[path] = (DateTime.MinValue, known.Stamp, past);
        return past;
    }

    private RecentSimilarIncident? Read(SimilarIncident found, DocumentOptions options)
    {
        if (found.Incident.Path is not { } path)
        {
            return null;
        }
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }
        if (_files.TryGetValue(path, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Past;
        }
        var past = RecentSimilarIncidentReader.Read(found, options);
        _files[path] = (info.LastWriteTimeUtc, info.Length, past);
        return past;
    }
}
