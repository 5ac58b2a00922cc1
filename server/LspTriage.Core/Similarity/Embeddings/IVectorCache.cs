namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>
/// Vectors already computed, by model and content hash (<see cref="ContentHash"/>): a file for the embedded index
/// (<see cref="VectorCacheFile"/>) or the shared PostgreSQL's <c>incident_vectors</c> table
/// (<see cref="PostgresVectorCache"/>). A cache that fails is a cache miss, never an error.
/// </summary>
public interface IVectorCache
{
    /// <summary>The cached vectors among <paramref name="hashes"/> (missing ones absent).</summary>
    Task<IReadOnlyDictionary<string, float[]>> GetAsync(string model, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default);

    Task PutAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken = default);
}

/// <summary>Keeps vectors in memory only (tests, and when no cache folder can be written).</summary>
public sealed class MemoryVectorCache : IVectorCache
{
    private readonly Dictionary<(string Model, string Hash), float[]> _vectors = [];

    public int Count { get { lock (_vectors) { return _vectors.Count; } } }

    public Task<IReadOnlyDictionary<string, float[]>> GetAsync(string model, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        lock (_vectors)
        {
            foreach (var h in hashes)
            {
                if (_vectors.TryGetValue((model, h), out var v))
                {
                    found[h] = v;
                }
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task PutAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken = default)
    {
        lock (_vectors)
        {
            foreach (var (h, v) in vectors)
            {
                _vectors[(model, h)] = v;
            }
        }
        return Task.CompletedTask;
    }
}
