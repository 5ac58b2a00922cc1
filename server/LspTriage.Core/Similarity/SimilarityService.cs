using LspTriage.Core.Documents;
using LspTriage.Core.Files;
using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Similarity;

/// <summary>The similarity settings the server reads (<c>lsptriage.similarity.*</c>) and the CLI flags mirror.</summary>
public sealed record SimilaritySettings
{
    /// <summary>"embedded" (default) or "postgres".</summary>
    public string Store { get; init; } = "embedded";

    /// <summary>Npgsql connection string for "postgres"; when empty, <c>LSPTRIAGE_PG</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Folders of past incidents indexed besides the workspace folders (every *.md in them).</summary>
    public IReadOnlyList<string> HistoryFolders { get; init; } = [];

    /// <summary>Minimum combined match score; null: the match model's fitted threshold.</summary>
    public double? Threshold { get; init; }

    public int Top { get; init; } = SimilarIncidentFinder.DefaultTop;

    /// <summary><c>lspTriage.similarity.embeddings.*</c>: semantic vectors, off by default.</summary>
    public EmbeddingSettings Embeddings { get; init; } = EmbeddingSettings.None;

    /// <summary>Where the embedded index keeps its vector cache; null: <see cref="VectorCacheFile.DefaultFolder"/>.</summary>
    public string? VectorCacheFolder { get; init; }

    /// <summary>Where writes waiting for PostgreSQL are kept across restarts; null: <see cref="Files.StateFolder.Resolve"/>.</summary>
    public string? StateFolder { get; init; }
}

/// <summary>
/// Everything the language server needs for similar incidents, wired from settings: the embedded index over workspace
/// and history folders (always), and with the PostgreSQL store a local replica of the shared history that searches
/// run on and saves write through (<see cref="ReplicatedIncidentStore"/>, started here, loading in the background),
/// and a finder. The server forwards file events and saves here and shows <see cref="StatusChanged"/> messages to
/// the user.
/// </summary>
public sealed class SimilarityService : IAsyncDisposable
{
    private readonly ReplicatedIncidentStore? _shared;

    private readonly PostgresVectorCache? _sharedVectors;

    private SimilarityService(SimilaritySettings settings, EmbeddedIncidentStore embedded, ReplicatedIncidentStore? shared, IncidentVectors? vectors, string? vectorsProblem, PostgresVectorCache? sharedVectors)
    {
        Settings = settings;
        Embedded = embedded;
        _shared = shared;
        _sharedVectors = sharedVectors;
        Vectors = vectors;
        VectorsProblem = vectorsProblem;
        Store = (IIncidentStore?)shared ?? embedded;
        Finder = new SimilarIncidentFinder(Store, embedded.Ids, vectors: vectors);
        if (shared is not null)
        {
            shared.StatusChanged += (s, e) => StatusChanged?.Invoke(this, e);
            shared.Changed += () => SharedHistoryChanged?.Invoke();
        }
    }

    /// <summary>"PostgreSQL at host:port/db is unreachable..." (once per outage) and "...reachable again".</summary>
    public event EventHandler<IncidentStoreStatus>? StatusChanged;

    /// <summary>The local replica of the shared history changed (loaded a batch, applied another server's write).</summary>
    public event Action? SharedHistoryChanged;

    public SimilaritySettings Settings { get; }

    /// <summary>The replica of the shared PostgreSQL history, when the store is "postgres".</summary>
    public ReplicatedIncidentStore? Shared => _shared;

    /// <summary>The local index of workspace and history incident files.</summary>
    public EmbeddedIncidentStore Embedded { get; }

    /// <summary>Where searches go: the replica of the shared history, or the embedded index.</summary>
    public IIncidentStore Store { get; }

    public SimilarIncidentFinder Finder { get; }

    /// <summary>The semantic vectors when configured and their provider started; its <see cref="IncidentVectors.Unavailable"/>
    /// says when they stop.</summary>
    public IncidentVectors? Vectors { get; }

    /// <summary>Why configured vectors could not start (one line, no secret), or null.</summary>
    public string? VectorsProblem { get; }

    /// <summary>Computes (or reads from the caches) the vector of every indexed incident, so that the first hovers do
    /// not wait for them. Nothing when vectors are off.</summary>
    public async Task WarmVectorsAsync(CancellationToken cancellationToken = default)
    {
        if (Vectors is null)
        {
            return;
        }
        foreach (var chunk in Embedded.Records().Select(IncidentVectors.TextOf).Chunk(64))
        {
            if (Vectors.Failure is not null)
            {
                return;
            }
            await Vectors.ForAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the stores. <paramref name="isIncidentFile"/> picks workspace files (the server's classifier;
    /// default: the default globs of <see cref="DocumentOptions"/>); history folders contribute every *.md file.</summary>
    public static SimilarityService Create(SimilaritySettings settings, Func<string, bool>? isIncidentFile = null, TimeProvider? timeProvider = null, Func<string, string>? readText = null)
    {
        var history = settings.HistoryFolders.Select(Path.GetFullPath).ToArray();
        var workspaceFilter = isIncidentFile ?? DocumentOptions.Default.IsIncidentPath;
        var embedded = new EmbeddedIncidentStore(p =>
            p.EndsWith(".md", StringComparison.OrdinalIgnoreCase) &&
            (workspaceFilter(p) || history.Any(h => FilePaths.IsUnder(p, h))), readText: readText);
        ReplicatedIncidentStore? shared = null;
        PostgresVectorCache? sharedVectors = null;
        if (string.Equals(settings.Store, "postgres", StringComparison.OrdinalIgnoreCase) &&
            PostgresIncidentStore.ResolveConnectionString(settings.ConnectionString) is { } cs)
        {
            var primary = new PostgresIncidentStore(cs);
            var state = settings.StateFolder ?? Files.StateFolder.Resolve();
            var outbox = new IncidentOutbox(state is null ? null : IncidentOutbox.FolderFor(state, primary.DisplayName));
            outbox.AdoptOrphans();
            shared = new ReplicatedIncidentStore(primary, outbox, embedded, timeProvider).Start();
            sharedVectors = settings.Embeddings.Enabled ? new PostgresVectorCache(cs) : null;
        }
        IVectorCache[] caches = sharedVectors is null
            ? [new VectorCacheFile(settings.VectorCacheFolder ?? VectorCacheFile.DefaultFolder())]
            : [new VectorCacheFile(settings.VectorCacheFolder ?? VectorCacheFile.DefaultFolder()), sharedVectors];
        var vectors = IncidentVectors.Create(settings.Embeddings, out var problem, null, caches);
        return new SimilarityService(settings, embedded, shared, vectors, problem, sharedVectors);
    }

    /// <summary>Start-up: indexes the workspace folders and the history folders, reporting progress.</summary>
    public Task<IndexReport> IndexAsync(IEnumerable<string> workspaceFolders, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Embedded.IndexFoldersAsync(workspaceFolders.Concat(Settings.HistoryFolders), progress, cancellationToken);

    /// <summary>Start-up in the server: indexes the files its one workspace scan has already read.</summary>
    public Task<IndexReport> IndexAsync(IncidentScan scan, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Embedded.IndexScanAsync(scan, progress, cancellationToken);

    /// <summary>Similar incidents for an open document, with the configured count and threshold.</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindAsync(IncidentDocument document, CancellationToken cancellationToken = default) =>
        Finder.FindAsync(document, Settings.Top, Settings.Threshold, cancellationToken);

    /// <summary>A document was saved: re-index it, and upsert it to PostgreSQL when configured (queued while it is down).</summary>
    public async Task OnSavedAsync(string text, string path, CancellationToken cancellationToken = default)
    {
        var record = Embedded.UpsertText(text, path);
        if (_shared is not null)
        {
            await _shared.UpsertAsync([record], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>workspace/didChangeWatchedFiles: created or changed.</summary>
    public Task OnFileChangedAsync(string path, CancellationToken cancellationToken = default) => Embedded.OnFileChangedAsync(path, cancellationToken);

    /// <summary>workspace/didChangeWatchedFiles: deleted (file or folder). The shared history keeps its copy.</summary>
    public void OnFileDeleted(string path) => Embedded.OnFileDeleted(path);

    public Task OnFileRenamedAsync(string oldPath, string newPath, CancellationToken cancellationToken = default) =>
        Embedded.OnFileRenamedAsync(oldPath, newPath, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Vectors?.Dispose();
        if (_sharedVectors is not null)
        {
            await _sharedVectors.DisposeAsync().ConfigureAwait(false);
        }
        if (_shared is not null)
        {
            await _shared.DisposeAsync().ConfigureAwait(false);
        }
    }
}
