using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Core.Similarity.Evaluation;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity.Embeddings;

/// <summary>The combined score with and without semantic vectors on the labelled set (samples/similarity against
/// samples/history).</summary>
public sealed class FinderWithVectorsTests
{
    private static readonly string History = Path.Combine(RepoPaths.SamplesRoot, "history");
    private static readonly string Queries = Path.Combine(RepoPaths.SamplesRoot, "similarity");

    private static async Task<(EmbeddedIncidentStore Store, IReadOnlyList<LabelledQuery> Queries)> LoadAsync()
    {
        var store = new EmbeddedIncidentStore();
        await store.IndexFoldersAsync([History]);
        return (store, LabelledQuery.ReadFolder(Queries));
    }

    private static string Ranking(IReadOnlyList<SimilarIncident> results) =>
        string.Join("; ", results.Select(r => $"{r.Incident.Id}={r.Score:R}|{string.Join(",", r.Match!.Reasons)}"));

    [Fact]
    public async Task Without_vectors_or_with_a_failed_provider_every_ranking_is_exactly_the_one_without()
    {
        var (store, queries) = await LoadAsync();
        var plain = new SimilarIncidentFinder(store, store.Ids);
        var failing = new IncidentVectorsTests.CountingProvider { Fail = true };
        var vectors = new IncidentVectors(failing, new MemoryVectorCache());
        var messages = new List<string>();
        vectors.Unavailable += messages.Add;
        var withFailed = new SimilarIncidentFinder(store, store.Ids, vectors: vectors);

        foreach (var q in queries)
        {
            var expected = await plain.FindAsync(q.Text, q.Path, 10, 0.0001);
            var actual = await withFailed.FindAsync(q.Text, q.Path, 10, 0.0001);
            Assert.Equal(Ranking(expected), Ranking(actual));
            Assert.All(actual, r => Assert.Null(r.Match!.Signals.Vector));
        }
        Assert.Single(messages);
        Assert.Equal(1, failing.Calls);
        Assert.Equal(MatchModel.Default.ThresholdFor(vectors: false), withFailed.DefaultThreshold);
    }

    [Fact]
    public async Task With_vectors_the_cosine_is_a_signal_and_a_reason_and_the_vector_weights_apply()
    {
        var (store, queries) = await LoadAsync();
        using var provider = new Core.Similarity.Embeddings.Onnx.OnnxEmbeddingProvider(new EmbeddingSettings(EmbeddingProviderKind.Onnx, ModelPath: MiniLmModel.Folder));
        var vectors = new IncidentVectors(provider, new MemoryVectorCache());
        var finder = new SimilarIncidentFinder(store, store.Ids, vectors: vectors);
        var q = queries.First(x => x.Pair == "paraphrase");

        var results = await finder.FindAsync(q.Text, q.Path, 10, 0.0001);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.InRange(r.Match!.Signals.Vector ?? -2, -1, 1));
        var first = results[0];
        Assert.Equal(MatchModel.Default.WithVectors.Score(first.Match!.Signals), first.Score, 5);
        if (first.Match.Signals.Vector >= 0.5)
        {
            Assert.Contains(first.Match.Reasons, r => r.StartsWith("similar meaning (", StringComparison.Ordinal));
        }
        Assert.Equal(MatchModel.Default.ThresholdFor(vectors: true), finder.DefaultThreshold);
        var embedded = vectors.Embedded;
        await finder.FindAsync(q.Text, q.Path, 10, 0.0001);
        Assert.Equal(embedded, vectors.Embedded); // the second search is answered from the cache
    }
}
