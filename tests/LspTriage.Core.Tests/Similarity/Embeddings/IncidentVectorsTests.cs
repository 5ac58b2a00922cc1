using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity.Embeddings;

public sealed class IncidentVectorsTests
{
    /// <summary>Counts what it is asked to embed; fails when told to.</summary>
    internal sealed class CountingProvider(string model = "test-model") : IEmbeddingProvider
    {
        public List<string> Asked { get; } = [];

        public int Calls { get; private set; }

        public bool Fail { get; set; }

        public bool Crash { get; set; }

        public string ModelId => model;

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (Fail)
            {
                throw new EmbeddingException("the endpoint is down");
            }
            if (Crash)
            {
                throw new InvalidOperationException("an unexpected bug");
            }
            Asked.AddRange(texts);
            return Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(t => VectorMath.Normalize([t.Length, t.Count(c => c == 'a') + 1f, 1f]))]);
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task A_text_is_embedded_once_and_found_by_content_hash_afterwards_even_in_a_new_process()
    {
        using var folder = new TempFolder();
        var provider = new CountingProvider();
        var vectors = new IncidentVectors(provider, new VectorCacheFile(folder.Path));

        var first = await vectors.ForAsync(["pool exhausted", "disk full", "pool exhausted"]);
        Assert.Equal(["pool exhausted", "disk full"], provider.Asked);
        Assert.Equal(first[0], first[2]);

        var again = await vectors.ForAsync(["disk full", "pool exhausted"]);
        Assert.Equal(1, provider.Calls); // no second call
        Assert.Equal(first[1], again[0]);

        // A new server with the same cache folder reads the file instead of asking.
        var restarted = new CountingProvider();
        var second = new IncidentVectors(restarted, new VectorCacheFile(folder.Path));
        var read = await second.ForAsync(["pool exhausted", "a new incident"]);
        Assert.Equal(["a new incident"], restarted.Asked);
        Assert.Equal(first[0], read[0]);
        Assert.Equal(1, restarted.Calls);
        Assert.Equal(1, second.Embedded);

        // Another model never sees these vectors.
        var other = new CountingProvider("other-model");
        await new IncidentVectors(other, new VectorCacheFile(folder.Path)).ForAsync(["pool exhausted"]);
        Assert.Equal(["pool exhausted"], other.Asked);
    }

    [Fact]
    public async Task A_damaged_cache_file_keeps_its_whole_records_and_is_repaired()
    {
        using var folder = new TempFolder();
        var cache = new VectorCacheFile(folder.Path);
        await new IncidentVectors(new CountingProvider(), cache).ForAsync(["one", "two"]);
        var file = cache.FileFor("test-model");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^5]); // a torn last record

        var provider = new CountingProvider();
        var vectors = await new IncidentVectors(provider, new VectorCacheFile(folder.Path)).ForAsync(["one", "two"]);
        Assert.Equal(["two"], provider.Asked);
        Assert.All(vectors, v => Assert.NotNull(v));

        File.WriteAllText(file, "not a cache file at all");
        var fresh = new CountingProvider();
        await new IncidentVectors(fresh, new VectorCacheFile(folder.Path)).ForAsync(["one"]);
        Assert.Equal(["one"], fresh.Asked);
    }

    [Fact]
    public async Task A_failing_provider_turns_vectors_off_once_with_one_message_and_is_not_asked_again()
    {
        var provider = new CountingProvider { Fail = true };
        var vectors = new IncidentVectors(provider, new MemoryVectorCache());
        var messages = new List<string>();
        vectors.Unavailable += messages.Add;

        Assert.All(await vectors.ForAsync(["a", "b"]), v => Assert.Null(v));
        Assert.All(await vectors.ForAsync(["c"]), v => Assert.Null(v));

        var message = Assert.Single(messages);
        Assert.Contains("the endpoint is down", message);
        Assert.Equal(message, vectors.Failure);
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task An_unexpected_provider_exception_is_also_only_no_vectors()
    {
        var vectors = new IncidentVectors(new CountingProvider { Crash = true }, new MemoryVectorCache());
        Assert.All(await vectors.ForAsync(["a"]), v => Assert.Null(v));
        Assert.Contains("an unexpected bug", vectors.Failure);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        // A cancelled request (the user typed on) is not a failure: vectors stay on.
        var slow = new IncidentVectors(new SlowProvider(), new MemoryVectorCache());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow.ForAsync(["a"], cancelled.Token));
        Assert.Null(slow.Failure);
    }

    private sealed class SlowProvider : IEmbeddingProvider
    {
        public string ModelId => "slow";

        public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public void Provider_none_builds_nothing_and_says_nothing()
    {
        Assert.Null(IncidentVectors.Create(EmbeddingSettings.None, out var problem));
        Assert.Null(problem);
        Assert.Equal(EmbeddingProviderKind.Onnx, EmbeddingSettings.ParseProvider(" ONNX "));
        Assert.Equal(EmbeddingProviderKind.None, EmbeddingSettings.ParseProvider(""));
        Assert.Null(EmbeddingSettings.ParseProvider("bert"));
    }
}
