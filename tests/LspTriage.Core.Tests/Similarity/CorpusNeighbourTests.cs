using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Core.Tests.Similarity.Support;
using Xunit.Abstractions;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

/// <summary>On the public corpus, an incident's most similar other incident should share a front matter category with
/// it for a clear majority of incidents: the check that the key choice finds sensible neighbours.</summary>
[Trait("Category", "PublicCorpus")]
public sealed class CorpusNeighbourTests(ITestOutputHelper output)
{
    [PublicCorpusFact]
    public async Task Top_match_shares_a_category_for_a_clear_majority()
    {
        var files = RepoPaths.CorpusFiles();
        Assert.Equal(242, files.Length);
        var rates = new Dictionary<IncidentKey, (double All, double Categorised)>();
        foreach (var mode in Enum.GetValues<IncidentKey>())
        {
            var all = files.Select(f => IncidentRecordReader.Read(File.ReadAllText(f), f, null, mode)).ToList();
            rates[mode] = (await Rate(all), await Rate(all.Where(r => r.Categories.Count > 0).ToList()));
            output.WriteLine($"{mode,-16} top match shares a category: {rates[mode].All:P1} (all 242 as candidates), {rates[mode].Categorised:P1} (categorised only)");
        }
        var chosen = rates[IncidentKeys.Default];
        Assert.True(chosen.All >= 0.6, $"only {chosen.All:P1} of incidents have a top match sharing a category");
        Assert.True(chosen.Categorised >= 0.75, $"only {chosen.Categorised:P1} among categorised incidents");
        // The documented choice: title + summary ranks better than title + symptom line.
        Assert.True(rates[IncidentKey.TitleAndSummary].All > rates[IncidentKey.TitleAndSymptom].All);
    }

    [Fact]
    public async Task Combined_score_top_match_shares_a_category_as_often_as_pg_trgm_alone()
    {
        var files = RepoPaths.CorpusFiles();
        var records = files.Select(f => IncidentRecordReader.Read(File.ReadAllText(f), f, Path.GetFileName(f))).ToList();
        var store = new EmbeddedIncidentStore();
        await store.UpsertAsync(records);
        double Rate(Func<IncidentRecord, IReadOnlyList<LspTriage.Core.Similarity.SimilarIncident>> top)
        {
            var categorised = records.Where(r => r.Categories.Count > 0).ToList();
            return categorised.Count(r => top(r) is [var first, ..] && first.Incident.Categories.Intersect(r.Categories, StringComparer.OrdinalIgnoreCase).Any()) / (double)categorised.Count;
        }
        var combinedFinder = new LspTriage.Core.Similarity.SimilarIncidentFinder(store);
        var lexicalFinder = LspTriage.Core.Similarity.SimilarIncidentFinder.Lexical(store);
        var combined = Rate(r => combinedFinder.FindAsync(r, r.Path, 1, 0.0001).GetAwaiter().GetResult());
        var lexical = Rate(r => lexicalFinder.FindAsync(r, r.Path, 1, 0.01).GetAwaiter().GetResult());
        output.WriteLine($"top match shares a category: combined {combined:P1}, pg_trgm alone {lexical:P1} (all 242 as candidates)");
        Assert.True(combined >= lexical - 0.03, $"combined {combined:P1} vs pg_trgm {lexical:P1}");
    }

    private static async Task<double> Rate(IReadOnlyList<IncidentRecord> records)
    {
        var store = new EmbeddedIncidentStore();
        await store.UpsertAsync(records);
        int queries = 0, hits = 0;
        foreach (var r in records.Where(r => r.Categories.Count > 0))
        {
            queries++;
            var top = await store.SearchAsync(new SimilarityQuery(r.Key, Top: 1, Threshold: 0.01, ExcludeId: r.Id));
            if (top.Count == 1 && top[0].Incident.Categories.Intersect(r.Categories, StringComparer.OrdinalIgnoreCase).Any())
            {
                hits++;
            }
        }
        Assert.True(queries >= 180, $"only {queries} categorised incidents");
        return (double)hits / queries;
    }
}
