using LspTriage.Core.Analysis.Redaction;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Similarity;

/// <summary>
/// The similar-incidents service for the server's life: built from the <c>lspTriage.similarity.*</c> settings (and
/// rebuilt when they change), indexed at start with progress, kept current from saves and watched-file events, and
/// cached per similarity key so hovers and code lenses on every keystroke do not hit the store each time.
/// </summary>
internal sealed class SimilarityHost : IAsyncDisposable
{
    private const int CacheLimit = 256;

    private readonly ServerContext _context;
    private readonly WorkDoneProgress _progress;
    private readonly object _gate = new();
    private readonly Dictionary<string, IReadOnlyList<SimilarIncident>> _cache = new(StringComparer.Ordinal);
    private SimilarityService? _service;
    private SimilaritySettings? _settings;
    private DocumentOptions? _documents;
    private readonly TaskCompletionSource _configured = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _indexed = Task.CompletedTask;
    private Task _fileEvents = Task.CompletedTask;
    private string? _reportedProblem;
    private string? _reportedVectorsProblem;
    private int _generation;

    private readonly Func<string, string>? _readFile;

    public SimilarityHost(ServerContext context, WorkDoneProgress progress, Func<string, string>? readFile = null)
    {
        _readFile = readFile;
        _context = context;
        _progress = progress;
        context.Documents.Saved += document => _ = OnSavedAsync(document);
    }

    /// <summary>Moves on whenever the index or its files change: what was found before may not be found again.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The index changed (built, a file saved or changed): diagnostics that read it (LT030) are stale.</summary>
    public event Action? Changed;

    /// <summary>Completes when the current index has been built (tests and the reindex command wait on it).</summary>
    public Task Indexed => _indexed;

    public string StoreName => _service?.Store.Name ?? "embedded";

    /// <summary>The threshold in force when the settings give none (the match model's fitted one).</summary>
    public double DefaultThreshold => _service?.Finder.DefaultThreshold ?? Core.Similarity.Matching.MatchModel.Default.ThresholdFor(vectors: false);

    /// <summary>
    /// Creates the service for the current settings and indexes, unless nothing relevant changed. Given the server's
    /// workspace scan (<see cref="Hosting.ServerStartup"/>), it indexes the texts that scan read instead of reading the
    /// files again.
    /// </summary>
    public Task ConfigureAsync(bool force = false, IncidentScan? scan = null)
    {
        var settings = ToSimilaritySettings(_context.Settings, _context.WorkspaceFolders);
        var documents = _context.Settings.Documents;
        SimilarityService? old;
        lock (_gate)
        {
            // The first index is built from the server's start-up scan: a settings refresh before it must not read
            // every file a second time.
            if (!force && scan is null && _service is null)
            {
                return _indexed;
            }
            if (!force && _service is not null && SameStores(settings, _settings!) && SameFiles(documents, _documents!))
            {
                _settings = settings;
                _cache.Clear();
                return _indexed;
            }
            old = _service;
            _settings = settings;
            _documents = documents;
            _service = CreateService(settings);
            _configured.TrySetResult();
            _service.StatusChanged += (_, status) => OnStatusChanged(status.IsOnline, status.Message);
            WatchVectors(_service, settings);
            if (_service.Shared is { } shared)
            {
                // The replica of the shared history fills in behind the hovers: what they cached is stale, and lenses
                // counted before it was loaded are asked for again.
                _service.SharedHistoryChanged += Invalidate;
                _ = shared.Loaded.ContinueWith(_ => RefreshCodeLenses(), TaskScheduler.Default);
            }
            _cache.Clear();
            _indexed = IndexAsync(_service, scan);
        }
        if (old is not null)
        {
            _ = old.DisposeAsync().AsTask();
        }
        return _indexed;
    }

    /// <summary>
    /// The similar incidents now, or null while the index is still being built: hovers and code lenses answer at once
    /// without counts (the editor asks the moment a file opens) and the lenses are refreshed when the index is ready.
    /// </summary>
    public Task<IReadOnlyList<SimilarIncident>?> FindIfReadyAsync(IncidentDocument document, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_service is null || !_indexed.IsCompleted)
            {
                return Task.FromResult<IReadOnlyList<SimilarIncident>?>(null);
            }
        }
        return FindAsync(document, cancellationToken)!;
    }

    /// <summary>
    /// The similar incidents of a file as the embedded index holds it (its record, features included, was built when
    /// the file was indexed), or null while the index is being built or when the file is not in it. For files nobody
    /// opened (LT030 in workspace problems): no read, no parse, no feature extraction, and never a database round trip
    /// per file — the embedded index holds the workspace and history folders.
    /// </summary>
    public async Task<IReadOnlyList<SimilarIncident>?> FindIndexedIfReadyAsync(string path, CancellationToken cancellationToken)
    {
        SimilarityService service;
        SimilaritySettings settings;
        lock (_gate)
        {
            if (_service is null || !_indexed.IsCompleted)
            {
                return null;
            }
            service = _service;
            settings = _settings!;
        }
        var embedded = service.Embedded;
        if (embedded.Get(embedded.Ids.IdFor(path)) is not { } record || record.Path is null || !FilePaths.Comparer.Equals(record.Path, path))
        {
            return null;
        }
        var finder = Volatile.Read(ref _embeddedFinder);
        if (finder is null || finder.Store != embedded)
        {
            finder = new SimilarIncidentFinder(embedded, embedded.Ids);
            Volatile.Write(ref _embeddedFinder, finder);
        }
        return await finder.FindAsync(record, record.Path, settings.Top, settings.Threshold, cancellationToken).ConfigureAwait(false);
    }

    private SimilarIncidentFinder? _embeddedFinder;

    /// <summary>The similar incidents, once the server is configured and the index built (commands wait for it).</summary>
    public async Task<IReadOnlyList<SimilarIncident>> FindAsync(IncidentDocument document, CancellationToken cancellationToken)
    {
        await _configured.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        // Settings that arrive while waiting (the client's configuration after start-up) replace the service and its
        // index: wait for the one that will answer, not for the one that was current when the request came.
        Task indexed;
        do
        {
            indexed = _indexed;
            await Task.WhenAll(indexed, FileEventsApplied).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        while (indexed != _indexed);
        SimilarityService service;
        SimilaritySettings settings;
        lock (_gate)
        {
            service = _service!;
            settings = _settings!;
        }
        var key = service.Finder.RecordFor(document.Text, document.Path).Key + "\u0000" + document.Path;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }
        var results = await service.Finder.FindAsync(document, settings.Top, settings.Threshold, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_cache.Count >= CacheLimit)
            {
                _cache.Clear();
            }
            _cache[key] = results;
        }
        return results;
    }

    /// <summary>
    /// workspace/didChangeWatchedFiles, forwarded: a file was created, changed or deleted. Events are chained so a
    /// rename (delete then create) and quick successive saves reach the index in the order they happened.
    /// </summary>
    public void OnFileEvent(string path, int type)
    {
        lock (_gate)
        {
            _fileEvents = _fileEvents.ContinueWith(_ => ApplyFileEventAsync(path, type), TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Completes when every file event received so far has reached the index.</summary>
    public Task FileEventsApplied
    {
        get
        {
            lock (_gate)
            {
                return _fileEvents;
            }
        }
    }

    private async Task ApplyFileEventAsync(string path, int type)
    {
        await _indexed.ConfigureAwait(false);
        if (_service is not { } service)
        {
            return;
        }
        try
        {
            if (type == FileChangeType.Deleted)
            {
                service.OnFileDeleted(path);
            }
            else
            {
                await service.OnFileChangedAsync(path).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _context.Log.Warning($"Similar incidents: could not update the index for {path}: {ex.Message}");
        }
        Invalidate();
    }

    public ValueTask DisposeAsync() => _service?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task OnSavedAsync(OpenDocument document)
    {
        if (_service is not { } service || DocumentUri.ToPath(document.Uri) is not { } path || !document.IsOurs)
        {
            return;
        }
        try
        {
            await service.OnSavedAsync(document.Text, path).ConfigureAwait(false);
            Invalidate();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _context.Log.Warning($"Could not index the saved file {path}: {ex.Message}");
        }
    }

    private async Task IndexAsync(SimilarityService service, IncidentScan? scan)
    {
        await using var progress = await _progress.BeginAsync("LspTriage: indexing past incidents", cancellable: false, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var reporter = progress.Sink<IndexProgress>(p =>
                p.Total > 0 && p.Done % 500 == 0 ? ($"{p.Done} of {p.Total} files", p.Done * 100 / p.Total) : null);
            var report = scan is null
                ? await service.IndexAsync(_context.WorkspaceFolders, reporter, CancellationToken.None).ConfigureAwait(false)
                : await service.IndexAsync(scan, reporter, CancellationToken.None).ConfigureAwait(false);
            progress.EndMessage = $"{report.Indexed} incidents";
            _context.Log.Info($"Similar incidents: {report.Indexed} incidents indexed in {report.Elapsed.TotalMilliseconds:F0} ms ({service.Store.Name} store){(report.Failed.Count > 0 ? $"; {report.Failed.Count} files could not be read" : "")}.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            progress.EndMessage = "failed";
            _context.Log.Error($"Similar incidents: indexing failed: {ex.Message}");
        }
        Invalidate();
        RefreshCodeLenses();
        _ = WarmVectorsAsync(service);
    }

    /// <summary>Says once why configured vectors cannot start or stopped (the ranking goes on without them).</summary>
    private void WatchVectors(SimilarityService service, SimilaritySettings settings)
    {
        string? problem = service.VectorsProblem;
        if (problem is null && _context.Settings.EmbeddingsProvider is { } raw && Core.Similarity.Embeddings.EmbeddingSettings.ParseProvider(raw) is null)
        {
            problem = $"Semantic vectors are off: lspTriage.similarity.embeddings.provider must be none, openai or onnx (got '{raw}').";
        }
        if (problem is not null)
        {
            ReportVectors(problem);
        }
        if (service.Vectors is { } vectors)
        {
            _context.Log.Info($"Similar incidents: semantic vectors from {vectors.ModelId} ({settings.Embeddings.Provider}).");
            vectors.Unavailable += message =>
            {
                ReportVectors(message);
                Invalidate();
            };
        }
    }

    private void ReportVectors(string message)
    {
        if (message == _reportedVectorsProblem)
        {
            return;
        }
        _reportedVectorsProblem = message;
        _context.Log.Warning(message);
        _ = _context.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Warning, "LspTriage: " + message));
    }

    /// <summary>Vectors of every indexed incident, computed in the background after indexing so that hovers find them
    /// cached; then cached results are dropped, since rankings with vectors differ.</summary>
    private async Task WarmVectorsAsync(SimilarityService service)
    {
        if (service.Vectors is null)
        {
            return;
        }
        try
        {
            await service.WarmVectorsAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _context.Log.Warning($"Similar incidents: computing vectors failed: {ex.Message}");
        }
        Invalidate();
    }

    /// <summary>Lenses served while the index was loading had no counts: ask the editor for them again.</summary>
    private void RefreshCodeLenses()
    {
        if (_context.Capabilities.Workspace?.CodeLens?.RefreshSupport == true)
        {
            _ = _context.RequestAsync<object?>("workspace/codeLens/refresh", EmptyParams.Value, CancellationToken.None)
                .ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// The service for these settings. A connection string Npgsql cannot read (a misspelt keyword, a port that is not a
    /// number) is one message naming the setting, and the embedded index serves until the setting is fixed.
    /// </summary>
    private SimilarityService CreateService(SimilaritySettings settings)
    {
        try
        {
            var service = SimilarityService.Create(settings, _context.Settings.Documents.IsIncidentPath, _context.Time, _readFile);
            _reportedProblem = null;
            return service;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            var setting = string.IsNullOrWhiteSpace(settings.ConnectionString) ? $"the {PostgresIncidentStore.EnvironmentVariable} environment variable" : "the setting lspTriage.similarity.connectionString";
            var problem = $"LspTriage: {setting} is not a connection string PostgreSQL accepts ({Redactor.Redact(ex.Message).Text}); similar incidents come from the embedded index until it is fixed.";
            if (problem != _reportedProblem)
            {
                _reportedProblem = problem;
                _context.Log.Error(problem);
                _ = _context.NotifyAsync("window/showMessage", new ShowMessageParams(MessageType.Error, problem));
            }
            return SimilarityService.Create(settings with { Store = "embedded" }, _context.Settings.Documents.IsIncidentPath, _context.Time, _readFile);
        }
    }

    private void OnStatusChanged(bool online, string message)
    {
        Invalidate();
        _context.Log.Warning(message);
        _ = _context.NotifyAsync("window/showMessage", new ShowMessageParams(online ? MessageType.Info : MessageType.Warning, $"LspTriage: {message}"));
    }

    private void Invalidate()
    {
        lock (_gate)
        {
            _cache.Clear();
        }
        Interlocked.Increment(ref _generation);
        Changed?.Invoke();
    }

    private static SimilaritySettings ToSimilaritySettings(ServerSettings s, IReadOnlyList<string> workspaceFolders) => new()
    {
        Store = s.SimilarityStore,
        ConnectionString = s.SimilarityConnectionString,
        HistoryFolders = s.HistoryFoldersIn(workspaceFolders),
        Threshold = s.SimilarityThreshold,
        Top = s.SimilarityMaxResults,
        Embeddings = s.Embeddings,
    };

    private static bool SameFiles(DocumentOptions a, DocumentOptions b) =>
        a.IncidentGlobs.SequenceEqual(b.IncidentGlobs) && a.PostmortemGlobs.SequenceEqual(b.PostmortemGlobs);

    private static bool SameStores(SimilaritySettings a, SimilaritySettings b) =>
        a.Store == b.Store && a.ConnectionString == b.ConnectionString && a.HistoryFolders.SequenceEqual(b.HistoryFolders) && a.Embeddings == b.Embeddings;
}
