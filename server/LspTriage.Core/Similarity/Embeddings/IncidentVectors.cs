using LspTriage.Core.Similarity.Embeddings.Onnx;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>
/// The semantic vectors of incidents, for the combined score's vector signal: each record's key (title and summary,
/// the text pg_trgm compares) is embedded once per model — looked up by content hash in memory, then in each cache in
/// order (the cache file, the shared PostgreSQL), computed by the provider only when no cache has it, and written back
/// to every cache. When the provider fails, vectors are off for the rest of this object's life: <see cref="Unavailable"/>
/// is raised once with the reason, every later call answers "no vectors" without calling again, and the ranking is
/// exactly the one without vectors.
/// </summary>
public sealed class IncidentVectors : IDisposable
{
    private readonly IEmbeddingProvider _provider;
    private readonly IReadOnlyList<IVectorCache> _caches;
    private readonly Dictionary<string, float[]> _memory = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string? _failure;
    private int _embedded;

    public IncidentVectors(IEmbeddingProvider provider, params IVectorCache[] caches)
    {
        _provider = provider;
        _caches = caches;
    }

    /// <summary>Raised once, with a message for the user, when vectors stop (the provider failed).</summary>
    public event Action<string>? Unavailable;

    public string ModelId => _provider.ModelId;

    /// <summary>Why vectors are off, or null while they work.</summary>
    public string? Failure => _failure;

    /// <summary>How many texts the provider embedded (not found in any cache).</summary>
    public int Embedded => Volatile.Read(ref _embedded);

    /// <summary>The text of a record that is embedded: its similarity key.</summary>
    public static string TextOf(IncidentRecord record) => record.Key;

    /// <summary>
    /// Builds the provider the settings name; null for provider none. When the provider cannot be built (no model
    /// folder, no key, broken model, no native runtime), null and <paramref name="problem"/> says why in one line.
    /// </summary>
    public static IncidentVectors? Create(EmbeddingSettings settings, out string? problem, Func<string, string?>? environment = null, params IVectorCache[] caches)
    {
        problem = null;
        try
        {
            IEmbeddingProvider? provider = settings.Provider switch
            {
                EmbeddingProviderKind.OpenAi => new OpenAiEmbeddingProvider(settings, environment),
                EmbeddingProviderKind.Onnx => CreateOnnx(settings),
                _ => null,
            };
            return provider is null ? null : new IncidentVectors(provider, caches);
        }
        catch (EmbeddingException e)
        {
            problem = "Semantic vectors are off: " + e.Message;
            return null;
        }
    }

    // Anything else the ONNX Runtime binding throws while loading (a build where it cannot run, e.g. Native AOT
    // without the native library) is reported the same way, never a crash.
    private static OnnxEmbeddingProvider CreateOnnx(EmbeddingSettings settings)
    {
        try
        {
            return new OnnxEmbeddingProvider(settings);
        }
        catch (Exception e) when (e is not EmbeddingException and not OutOfMemoryException)
        {
            throw new EmbeddingException($"the ONNX model cannot run in this build ({e.GetType().Name}: {e.Message.Split('\n', 2)[0]}).", e);
        }
    }

    /// <summary>One vector per text (null for all when vectors are off).</summary>
    public async Task<IReadOnlyList<float[]?>> ForAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var none = new float[]?[texts.Count];
        if (_failure is not null || texts.Count == 0)
        {
            return none;
        }
        var hashes = texts.Select(ContentHash.Of).ToArray();
        var missing = Missing(hashes);
        foreach (var cache in _caches)
        {
            if (missing.Count == 0)
            {
                break;
            }
            var found = await cache.GetAsync(_provider.ModelId, missing, cancellationToken).ConfigureAwait(false);
            Remember(found);
            foreach (var earlier in _caches.TakeWhile(c => c != cache))
            {
                await earlier.PutAsync(_provider.ModelId, found, cancellationToken).ConfigureAwait(false);
            }
            missing = Missing(hashes);
        }
        if (missing.Count > 0)
        {
            var textOf = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < texts.Count; i++)
            {
                textOf.TryAdd(hashes[i], texts[i]);
            }
            IReadOnlyList<float[]> computed;
            try
            {
                computed = await _provider.EmbedAsync([.. missing.Select(h => textOf[h])], cancellationToken).ConfigureAwait(false);
            }
            catch (EmbeddingException e)
            {
                Fail(e.Message);
                return none;
            }
            catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
            {
                // A provider's unexpected failure is still only "no vectors": a hover never fails because of them.
                Fail($"{_provider.ModelId} failed ({e.GetType().Name}: {e.Message.Split('\n', 2)[0]}).");
                return none;
            }
            Interlocked.Add(ref _embedded, missing.Count);
            var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
            var order = missing.ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                fresh[order[i]] = computed[i];
            }
            Remember(fresh);
            foreach (var cache in _caches)
            {
                await cache.PutAsync(_provider.ModelId, fresh, cancellationToken).ConfigureAwait(false);
            }
        }
        lock (_gate)
        {
            return [.. hashes.Select(h => _memory.TryGetValue(h, out var v) ? v : null)];
        }
    }

    private List<string> Missing(string[] hashes)
    {
        lock (_gate)
        {
            return [.. hashes.Where(h => !_memory.ContainsKey(h)).Distinct(StringComparer.Ordinal)];
        }
    }

    private void Remember(IReadOnlyDictionary<string, float[]> vectors)
    {
        lock (_gate)
        {
            foreach (var (h, v) in vectors)
            {
                _memory[h] = v;
            }
        }
    }

    private void Fail(string message)
    {
        var first = false;
        lock (_gate)
        {
            if (_failure is null)
            {
                _failure = "Semantic vectors are off: " + message + " Similar incidents are ranked without them.";
                first = true;
            }
        }
        if (first)
        {
            Unavailable?.Invoke(_failure!);
        }
    }

    public void Dispose() => _provider.Dispose();
}
