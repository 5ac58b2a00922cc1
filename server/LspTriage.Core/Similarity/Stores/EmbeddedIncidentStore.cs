using LspTriage.Core.Files;
using LspTriage.Core.Similarity.Index;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Trigrams;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// The default store: an in-process trigram index (<see cref="TrigramIndex"/>) over the incident files of the
/// workspace folders and any history folders, built at start-up and kept current from file events. Records read from
/// files are identified by <see cref="Ids"/>: front matter id, else the path relative to the folder indexed; one
/// record per path.
/// </summary>
public sealed class EmbeddedIncidentStore : IIncidentStore
{
    private readonly TrigramIndex _index = new();
    private readonly IncidentKey _keyMode;
    private readonly Func<string, bool> _isIncidentFile;
    private readonly Func<string, string>? _readText;

    /// <param name="isIncidentFile">Which files to index when scanning folders and on file events. Defaults to every
    /// <c>*.md</c> file; the server passes its incident/postmortem classifier.</param>
    /// <param name="keyMode">Key choice; see <see cref="IncidentKey"/>.</param>
    /// <param name="readText">How files are read (null: <see cref="File.ReadAllText(string)"/>); tests count reads.</param>
    public EmbeddedIncidentStore(Func<string, bool>? isIncidentFile = null, IncidentKey keyMode = IncidentKeys.Default, Func<string, string>? readText = null)
    {
        _readText = readText;
        _isIncidentFile = isIncidentFile ?? (p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
        _keyMode = keyMode;
    }

    public string Name => "embedded";

    /// <summary>How files are identified (relative to the folders indexed). Share it with <see cref="SimilarIncidentFinder"/>.</summary>
    public IncidentIdPolicy Ids { get; } = new();

    /// <summary>The record this store would hold for a file's text: for upserting the same record elsewhere (PostgreSQL).</summary>
    public IncidentRecord RecordFor(string text, string path)
    {
        var full = Path.GetFullPath(path);
        return IncidentRecordReader.Read(text, full, Ids.IdFor(full), _keyMode);
    }

    public int Count => _index.Count;

    public Task<IReadOnlyList<SimilarIncident>> SearchAsync(SimilarityQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(query));

    public IReadOnlyList<SimilarIncident> Search(SimilarityQuery query) =>
        _index.Search(query.Key, query.Top, query.Threshold, query.ExcludeId is null && query.ExcludePath is null ? null : query.Excludes);

    /// <summary>Every record scored one by one: the reference <see cref="Search"/> must equal.</summary>
    public IReadOnlyList<SimilarIncident> SearchByBruteForce(SimilarityQuery query) =>
        _index.BruteForce(query.Key, query.Top, query.Threshold, query.ExcludeId is null && query.ExcludePath is null ? null : query.Excludes);

    public Task<FeatureCandidates> FindByFeaturesAsync(SimilarityQuery query, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken = default)
    {
        var (hits, frequencies) = _index.ByFeatures(query.Key, terms, limit, query.ExcludeId is null && query.ExcludePath is null ? null : query.Excludes);
        return Task.FromResult(new FeatureCandidates(hits, frequencies));
    }

    public Task UpsertAsync(IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken = default)
    {
        _index.Upsert(records);
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(_index.Remove(id));

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(_index.Count);

    public IncidentRecord? Get(string id) => _index.Get(id);

    /// <summary>Adds records whose trigram sets the caller extracted (in parallel): a replica's batches.</summary>
    internal void UpsertPrepared(IReadOnlyList<(IncidentRecord Record, int[] Trigrams)> prepared) => _index.UpsertPrepared(prepared);

    internal bool Delete(string id) => _index.Remove(id);

    public IReadOnlyList<IncidentRecord> Records() => _index.Snapshot();

    /// <summary>
    /// Indexes every incident file under the folders (recursively), reading files in parallel through
    /// <see cref="IncidentScan"/>. Unreadable files are counted and skipped, never fatal.
    /// </summary>
    public async Task<IndexReport> IndexFoldersAsync(IEnumerable<string> folders, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var scan = await Task.Run(() => IncidentScan.Read(folders.Where(Directory.Exists).ToArray(), [], _isIncidentFile, _readText, cancellationToken), cancellationToken).ConfigureAwait(false);
        var report = await IndexScanAsync(scan, progress, cancellationToken).ConfigureAwait(false);
        return report with { Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
    }

    /// <summary>
    /// Indexes the files of a scan that has already read them (the server's one start-up scan): records are built in
    /// parallel, progress is reported every 500 files, files the scan could not read are counted as failed.
    /// </summary>
    public async Task<IndexReport> IndexScanAsync(IncidentScan scan, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var root in scan.Roots)
        {
            Ids.AddRoot(root);
        }
        var files = scan.Files.Where(f => _isIncidentFile(f.Path)).ToArray();
        progress?.Report(new IndexProgress(0, files.Length, null));
        var records = new (IncidentRecord Record, int[] Trigrams)?[files.Length];
        var done = 0;
        await Task.Run(() => Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (files[i].Text is { } text)
            {
                var record = IncidentRecordReader.Read(text, files[i].Path, Ids.IdFor(files[i].Path), _keyMode);
                records[i] = (record, TrigramExtractor.ExtractSet(record.Key));
            }
            var n = Interlocked.Increment(ref done);
            if (n % 500 == 0)
            {
                progress?.Report(new IndexProgress(n, files.Length, files[i].Path));
            }
        }), cancellationToken).ConfigureAwait(false);
        _index.UpsertPrepared(records.Where(r => r is not null).Select(r => r!.Value).ToList());
        progress?.Report(new IndexProgress(files.Length, files.Length, null));
        var failed = files.Where(f => f.Text is null).Select(f => f.Path).Order(StringComparer.Ordinal).ToArray();
        return new IndexReport(files.Length - failed.Length, failed, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A file was created or changed on disk (or saved): re-read it, or drop it if it is no longer ours.</summary>
    public async Task OnFileChangedAsync(string path, CancellationToken cancellationToken = default)
    {
        path = Path.GetFullPath(path);
        if (!_isIncidentFile(path) || !File.Exists(path))
        {
            _index.RemoveByPath(path, FilePaths.Comparison);
            return;
        }
        string text;
        try
        {
            text = _readText is null ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : _readText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // Mid-write or locked: the next change event brings it in.
        }
        UpsertText(text, path);
    }

    /// <summary>Indexes a document's current text (an open editor buffer, or a file just saved).</summary>
    public IncidentRecord UpsertText(string text, string path)
    {
        var record = RecordFor(text, path);
        _index.Upsert(record); // replaces whatever this path held before, even under another id
        return record;
    }

    /// <summary>A file or folder was deleted.</summary>
    public void OnFileDeleted(string path) => _index.RemoveByPath(Path.GetFullPath(path), FilePaths.Comparison);

    /// <summary>A file or folder was renamed or moved.</summary>
    public async Task OnFileRenamedAsync(string oldPath, string newPath, CancellationToken cancellationToken = default)
    {
        OnFileDeleted(oldPath);
        if (Directory.Exists(newPath))
        {
            await IndexFoldersAsync([newPath], null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OnFileChangedAsync(newPath, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Indexing progress: files read so far out of the total found.</summary>
public sealed record IndexProgress(int Done, int Total, string? CurrentPath);

/// <summary>What an indexing run did: records indexed, files that could not be read, time taken.</summary>
public sealed record IndexReport(int Indexed, IReadOnlyList<string> Failed, TimeSpan Elapsed);
