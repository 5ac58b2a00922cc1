using LspTriage.Core.Documents;
using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Similarity;

/// <summary>
/// The one call the editor and the CLI make: "which past incidents look like this one?". Builds the document's record
/// exactly as the stores built theirs (<see cref="IncidentRecordReader"/>), gathers candidates two ways — the best
/// pg_trgm matches of the key, and the records sharing failure signatures, identifiers or the service (which finds a
/// translated or reworded write-up the trigrams miss) — and ranks them by the combined score of the
/// <see cref="MatchModel"/>, leaving the document itself out. <see cref="Lexical"/> ranks by pg_trgm alone.
/// </summary>
public sealed class SimilarIncidentFinder
{
    public const int DefaultTop = 5;

    // Candidate pools: wide enough that a twin with a weak key still gets scored, small enough for a hover.
    private const int LexicalPool = 30;
    private const double LexicalFloor = 0.05;
    private const int FeaturePool = 50;

    private readonly IIncidentStore _store;
    private readonly IncidentIdPolicy? _ids;
    private readonly MatchModel? _model;
    private readonly IncidentKey _keyMode;
    private readonly IncidentVectors? _vectors;

    /// <param name="store">Where to search.</param>
    /// <param name="ids">The id policy the store's records were made with (<see cref="EmbeddedIncidentStore.Ids"/>),
    /// so the document's own record is recognised by id as well as by path.</param>
    /// <param name="model">Combined-score weights; default <see cref="MatchModel.Default"/>.</param>
    /// <param name="keyMode">Key choice; see <see cref="IncidentKey"/>.</param>
    /// <param name="vectors">Semantic vectors (off by default): their cosine becomes one more signal of the
    /// candidates found by trigrams and features. Null, or failed, ranks exactly as without.</param>
    public SimilarIncidentFinder(IIncidentStore store, IncidentIdPolicy? ids = null, MatchModel? model = null, IncidentKey keyMode = IncidentKeys.Default, IncidentVectors? vectors = null)
        : this(store, ids, model ?? MatchModel.Default, keyMode, combined: true, vectors)
    {
    }

    private SimilarIncidentFinder(IIncidentStore store, IncidentIdPolicy? ids, MatchModel? model, IncidentKey keyMode, bool combined, IncidentVectors? vectors = null)
    {
        _store = store;
        _ids = ids;
        _model = combined ? model : null;
        _keyMode = keyMode;
        _vectors = combined ? vectors : null;
    }

    /// <summary>A finder that ranks by pg_trgm similarity of the keys only (the lexical baseline).</summary>
    public static SimilarIncidentFinder Lexical(IIncidentStore store, IncidentIdPolicy? ids = null, IncidentKey keyMode = IncidentKeys.Default) =>
        new(store, ids, null, keyMode, combined: false);

    public IIncidentStore Store => _store;

    /// <summary>Null when ranking by pg_trgm alone.</summary>
    public MatchModel? Model => _model;

    /// <summary>The semantic vectors in use, or null.</summary>
    public IncidentVectors? Vectors => _vectors;

    /// <summary>The threshold used when none is given: the model's fitted one (with or without vectors), or pg_trgm's 0.3.</summary>
    public double DefaultThreshold => _model?.ThresholdFor(vectors: _vectors is { Failure: null }) ?? SimilarityQuery.DefaultThreshold;

    /// <summary>Similar incidents for an open document. <see cref="IncidentDocument.Path"/> should be the file system
    /// path (not a URI) so the document's own record is excluded.</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindAsync(IncidentDocument document, int top = DefaultTop, double? threshold = null, CancellationToken cancellationToken = default) =>
        FindAsync(document.Text, document.Path, top, threshold, cancellationToken);

    /// <summary>Similar incidents for a file's text (<paramref name="path"/> optional).</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindAsync(string text, string? path, int top = DefaultTop, double? threshold = null, CancellationToken cancellationToken = default)
    {
        var record = RecordFor(text, path);
        var fullPath = path is null ? null : Path.GetFullPath(path);
        return FindAsync(record, fullPath, top, threshold, cancellationToken);
    }

    /// <summary>Similar incidents for free text (the CLI's <c>--text</c>): the text is the key and is read for
    /// signatures and identifiers too.</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindByTextAsync(string text, int top = DefaultTop, double? threshold = null, CancellationToken cancellationToken = default)
    {
        var record = new IncidentRecord("(query)", text, text, null, null, null, null, null, [])
        {
            Features = _model is null ? IncidentFeatures.Empty : FeatureReader.Read(text, null, null),
        };
        return FindAsync(record, null, top, threshold, cancellationToken);
    }

    /// <summary>Similar incidents for a record (its id and <paramref name="excludePath"/> are left out).</summary>
    public async Task<IReadOnlyList<SimilarIncident>> FindAsync(IncidentRecord record, string? excludePath, int top = DefaultTop, double? threshold = null, CancellationToken cancellationToken = default)
    {
        if (_model is null)
        {
            return await _store.SearchAsync(new SimilarityQuery(record.Key, top, threshold ?? DefaultThreshold, record.Id, excludePath), cancellationToken).ConfigureAwait(false);
        }
        var query = new SimilarityQuery(record.Key, LexicalPool, LexicalFloor, record.Id, excludePath);
        // The two candidate sources are independent: asked at once, a hover waits for the slower one, not for both.
        // The embedded index answers on the calling thread, so one goes to the thread pool: the shorter one (feature
        // candidates), so that a pool thread slow to start on a busy machine is hidden behind the trigram search
        // rather than added to it. PostgreSQL answers both on connections of their own.
        var terms = record.Features.Terms(record.Service);
        var featureSearch = Task.Run(() => _store.FindByFeaturesAsync(query, terms, FeaturePool, cancellationToken), cancellationToken);
        var lexical = await _store.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        var byFeatures = await featureSearch.ConfigureAwait(false);
        var scorer = new MatchScorer(record, _model, byFeatures.Frequencies);
        var candidates = new Dictionary<string, (IncidentRecord Record, float Lexical)>(StringComparer.Ordinal);
        foreach (var hit in lexical)
        {
            candidates[hit.Incident.Id] = (hit.Incident, hit.Similarity);
        }
        foreach (var hit in byFeatures.Hits)
        {
            candidates.TryAdd(hit.Incident.Id, (hit.Incident, hit.Similarity));
        }
        var cosines = await CosinesAsync(record, candidates.Values.Select(c => c.Record).ToList(), cancellationToken).ConfigureAwait(false);
        var min = threshold ?? _model.ThresholdFor(vectors: cosines is not null);
        // Signals for every candidate, reasons in words only for the few shown: a hover scores about eighty.
        return candidates.Values
            .Select(c => (c.Record, Signals: scorer.Signals(c.Record, c.Lexical, cosines?.GetValueOrDefault(c.Record.Id))))
            .Select(c => (c.Record, c.Signals, Combined: (float)_model.Score(c.Signals)))
            .Where(c => c.Combined >= min)
            .OrderByDescending(c => c.Combined)
            .ThenBy(c => c.Record.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(c => scorer.Explain(c.Record, c.Signals))
            .ToArray();
    }

    /// <summary>The cosine of the query's vector with each candidate's, by id; null when vectors are off or failed.</summary>
    private async Task<Dictionary<string, double?>?> CosinesAsync(IncidentRecord query, List<IncidentRecord> candidates, CancellationToken cancellationToken)
    {
        if (_vectors is null || _vectors.Failure is not null)
        {
            return null;
        }
        var vectors = await _vectors.ForAsync([IncidentVectors.TextOf(query), .. candidates.Select(IncidentVectors.TextOf)], cancellationToken).ConfigureAwait(false);
        if (vectors[0] is not { } q)
        {
            return null;
        }
        var result = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            result[candidates[i].Id] = vectors[i + 1] is { } v ? VectorMath.Cosine(q, v) : null;
        }
        return result;
    }

    /// <summary>The record a document would have in a store (its key, id, title, features...).</summary>
    public IncidentRecord RecordFor(string text, string? path)
    {
        var fullPath = path is null ? null : Path.GetFullPath(path);
        var id = fullPath is null ? null : _ids?.IdFor(fullPath) ?? fullPath;
        return IncidentRecordReader.Read(text, fullPath, id, _keyMode, withFeatures: _model is not null);
    }
}
