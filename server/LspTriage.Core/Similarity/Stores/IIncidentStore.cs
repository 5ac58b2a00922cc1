using LspTriage.Core.Files;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// Where past incidents live and how they are searched: the embedded in-process trigram index
/// (<see cref="EmbeddedIncidentStore"/>), a shared PostgreSQL (<see cref="PostgresIncidentStore"/>), or a local replica
/// of the shared PostgreSQL history that writes through to it (<see cref="ReplicatedIncidentStore"/>). All rank by pg_trgm <c>similarity()</c> of
/// <see cref="IncidentRecord.Key"/>s and return the same results for the same records.
/// </summary>
public interface IIncidentStore
{
    /// <summary>"embedded" or "postgres": for messages and the CLI.</summary>
    string Name { get; }

    /// <summary>The best <see cref="SimilarityQuery.Top"/> records with similarity ≥ the threshold, best first
    /// (ties by id), without the excluded record.</summary>
    Task<IReadOnlyList<SimilarIncident>> SearchAsync(SimilarityQuery query, CancellationToken cancellationToken = default);

    /// <summary>Records filed under any of <paramref name="terms"/> (<see cref="Matching.IncidentFeatures.Terms"/>),
    /// those sharing the most terms first, at most <paramref name="limit"/>, without the query's excluded record; and
    /// how many records carry each term (for rarity weights). This finds a translated or reworded twin that shares
    /// almost no trigrams with the query.</summary>
    Task<FeatureCandidates> FindByFeaturesAsync(SimilarityQuery query, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces records by <see cref="IncidentRecord.Id"/>; repeating an upsert changes nothing.</summary>
    Task UpsertAsync(IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Removes a record; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>A similarity search: the key to compare, how many results, the <c>%</c> threshold, and the record to
/// leave out (the document being edited), by id or by path.</summary>
public sealed record SimilarityQuery(string Key, int Top = 5, double Threshold = SimilarityQuery.DefaultThreshold, string? ExcludeId = null, string? ExcludePath = null)
{
    /// <summary>pg_trgm's default <c>similarity_threshold</c>.</summary>
    public const double DefaultThreshold = 0.3;

    internal bool Excludes(IncidentRecord record) =>
        (ExcludeId is not null && string.Equals(record.Id, ExcludeId, StringComparison.Ordinal)) ||
        (ExcludePath is not null && record.Path is not null && FilePaths.Comparer.Equals(record.Path, ExcludePath));
}

/// <summary>
/// Records found by feature terms, each with its pg_trgm similarity to the query's key as the lexical search gives it
/// (a store computes it from what it holds: no key is read again), and the document frequencies of the terms asked about.
/// </summary>
public sealed record FeatureCandidates(IReadOnlyList<SimilarIncident> Hits, Matching.FeatureFrequencies Frequencies);

/// <summary>The store cannot be reached (network, server down, authentication): callers may fall back.</summary>
public sealed class IncidentStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
