using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Evaluation;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Tests.Shared;
using Xunit.Abstractions;

namespace LspTriage.Core.Tests.Similarity.Matching;

/// <summary>
/// The labelled set in samples/similarity (translations, paraphrases, the same cause in another service, decoys that
/// share words but not causes, unrelated incidents) searched against samples/history: the combined score must find
/// the past incident a query repeats where pg_trgm alone does not.
/// </summary>
public sealed class CombinedMatchTests(ITestOutputHelper output)
{
    private static readonly string History = Path.Combine(RepoPaths.SamplesRoot, "history");
    private static readonly string Queries = Path.Combine(RepoPaths.SamplesRoot, "similarity");

    private static async Task<(EmbeddedIncidentStore Store, IReadOnlyList<LabelledQuery> Queries)> LoadAsync()
    {
        var store = new EmbeddedIncidentStore();
        await store.IndexFoldersAsync([History]);
        var queries = LabelledQuery.ReadFolder(Queries);
        Assert.True(store.Count >= 30, $"only {store.Count} past incidents in {History}");
        Assert.True(queries.Count >= 60, $"only {queries.Count} labelled queries in {Queries}");
        return (store, queries);
    }

    [Fact]
    public async Task Combined_score_finds_translated_and_reworded_twins_that_pg_trgm_misses()
    {
        var (store, queries) = await LoadAsync();
        var lexical = await SimilarityEvaluation.RunAsync("pg_trgm alone", SimilarIncidentFinder.Lexical(store, store.Ids), queries, 0.3);
        var combined = await SimilarityEvaluation.RunAsync("combined", new SimilarIncidentFinder(store, store.Ids), queries, MatchModel.Default.ThresholdFor(false));
        output.WriteLine(lexical.Table());
        output.WriteLine(combined.Table());

        var all = combined.Of();
        Assert.True(all.TwinFirst >= 0.8, $"combined twin-first {all.TwinFirst:P1}");
        Assert.True(all.Mrr > lexical.Of().Mrr + 0.2, $"combined MRR {all.Mrr:0.000} vs pg_trgm {lexical.Of().Mrr:0.000}");
        var translation = combined.Of("translation");
        Assert.True(translation.TwinFirst >= 0.9, $"translations twin-first {translation.TwinFirst:P1}");
        Assert.True(translation.TwinShown >= 0.9, $"translations shown at the threshold {translation.TwinShown:P1}");
        // Queries that repeat nothing stay mostly quiet.
        Assert.True(combined.Of("unrelated").QuietWhenNone >= 0.8, combined.Table());
    }

    [Fact]
    public async Task A_Chinese_twin_comes_first_with_its_reasons_root_cause_and_resolution()
    {
        var (store, queries) = await LoadAsync();
        var q = queries.First(x => x.Pair == "translation" && x.Path.EndsWith(".zh.md", StringComparison.Ordinal));
        var results = await new SimilarIncidentFinder(store, store.Ids).FindAsync(q.Text, q.Path);
        var first = Assert.IsType<SimilarIncident>(results.FirstOrDefault());
        Assert.True(q.IsExpected(first.Incident.Path), $"{Path.GetFileName(q.Path)}: expected {q.Expected}, got {first.Incident.Path}");
        Assert.True(first.Score > first.Similarity, "the combined score should lift a translation above its trigram similarity");
        Assert.Contains(first.Match!.Reasons, r => r.StartsWith("shared: `", StringComparison.Ordinal));
        Assert.NotNull(first.Incident.RootCause);
        Assert.NotNull(first.Incident.Resolution);
        var card = SimilarIncidentsRenderer.RenderHover(results, q.Path, store.Name);
        Assert.Contains($"1. **{first.Percent}%** [", card);
        Assert.Contains("Root cause: ", card);
        Assert.Contains("Resolution: ", card);
        Assert.Contains($"wording {first.LexicalPercent}% (pg_trgm)", card);
    }

    [Fact]
    public async Task Refitting_on_the_labelled_set_reproduces_the_shipped_weights()
    {
        var (store, queries) = await LoadAsync();
        var fitted = await MatchModelFitter.FitAsync(store, queries, MatchModel.Default);
        // The shipped model is data produced by this fit; a change to the signals or the set needs a refit.
        Assert.Equal(MatchModel.Default.WithoutVectors with { Fit = null }, fitted.WithoutVectors with { Fit = null });
    }
}
