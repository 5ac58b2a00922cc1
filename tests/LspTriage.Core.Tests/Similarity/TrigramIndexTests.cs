using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Index;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Trigrams;
using LspTriage.Core.Tests.Similarity.Support;
using LspTriage.Similarity.Bench;

namespace LspTriage.Core.Tests.Similarity;

public sealed class TrigramIndexTests
{
    private static IncidentRecord Record(string id, string key) =>
        new(id, key.Length > 40 ? key[..40] : key, key, null, null, null, null, null, []);

    [Fact]
    [Trait("Category", "Slow")]
    public void Index_search_equals_a_brute_force_scan()
    {
        var gen = new SyntheticIncidents(CorpusSeeds.Load(), seed: 1);
        var index = new TrigramIndex();
        var keys = Enumerable.Range(0, 3000).Select(_ => gen.NextKey()).Concat(KeyPool.Handwritten).ToList();
        index.Upsert(keys.Select((k, i) => Record("r" + i.ToString("D5"), k)));

        var rng = new Random(3);
        var compared = 0;
        var nonEmpty = 0;
        foreach (var threshold in new[] { 0.1, 0.3, 0.5, 0.8 })
        {
            foreach (var k in new[] { 1, 5, 20 })
            {
                for (var q = 0; q < 40; q++)
                {
                    var query = q % 4 == 0 ? gen.NextKey() : keys[rng.Next(keys.Count)];
                    var exclude = q % 3 == 0 ? "r" + rng.Next(keys.Count).ToString("D5") : null;
                    Func<IncidentRecord, bool>? ex = exclude is null ? null : r => r.Id == exclude;
                    var fast = index.Search(query, k, threshold, ex);
                    var slow = index.BruteForce(query, k, threshold, ex);
                    Assert.Equal(Describe(slow), Describe(fast));
                    compared++;
                    nonEmpty += fast.Count > 0 ? 1 : 0;
                }
            }
        }
        Assert.True(nonEmpty > compared / 2, $"only {nonEmpty} of {compared} searches found anything");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Index_search_equals_brute_force_on_a_large_clustered_index_for_near_and_novel_queries()
    {
        // 20,000 near-duplicate clusters: every pruning path (guessed thresholds, extended scans, exact counts,
        // verification) gets exercised; novel queries have no near neighbour and go down to the threshold, and the
        // finder's lexical pool (top 30 above 0.05) reads nearly every posting list.
        var gen = new SyntheticIncidents(CorpusSeeds.Load(), seed: 20_000);
        var index = new TrigramIndex();
        index.Upsert(Enumerable.Range(0, 20_000).Select(i => Record("k" + i.ToString("D5"), gen.NextKey())));
        var found = 0;
        for (var q = 0; q < 60; q++)
        {
            var query = q % 2 == 0 ? gen.NextNovelKey() : gen.NextKey();
            foreach (var (k, threshold) in new[] { (5, 0.3), (1, 0.6), (30, 0.05) })
            {
                var fast = index.Search(query, k, threshold);
                Assert.Equal(Describe(index.BruteForce(query, k, threshold)), Describe(fast));
                found += fast.Count;
            }
        }
        Assert.True(found > 200, $"only {found} results in all");
    }

    [Fact]
    public void Results_are_pg_trgm_similarities_best_first_above_the_threshold()
    {
        var index = new TrigramIndex();
        index.Upsert([
            Record("a", "Payment service connection pool exhaustion after batch job deploy"),
            Record("b", "Payment service connection pool exhaustion after deploy"),
            Record("c", "Search cluster red after disk full"),
            Record("d", "支付服务连接池耗尽"),
        ]);
        var results = index.Search("Payment service connection pool exhaustion after batch job deploy", 5, 0.3);
        Assert.Equal(["a", "b"], results.Select(r => r.Incident.Id));
        Assert.Equal(1f, results[0].Similarity);
        Assert.Equal(PgTrgm.Similarity("Payment service connection pool exhaustion after batch job deploy", "Payment service connection pool exhaustion after deploy"), results[1].Similarity);
        Assert.Equal(["d"], index.Search("支付服务连接池耗尽，批处理任务部署后", 5, 0.3).Select(r => r.Incident.Id));
        Assert.Empty(index.Search("completely unrelated words", 5, 0.3));
    }

    [Fact]
    public void Upserts_and_removals_keep_the_index_equal_to_brute_force()
    {
        var gen = new SyntheticIncidents(CorpusSeeds.Load(), seed: 9);
        var index = new TrigramIndex();
        var rng = new Random(11);
        var live = new Dictionary<string, string>();
        for (var step = 0; step < 4000; step++)
        {
            var id = "r" + rng.Next(600);
            if (rng.Next(4) == 0)
            {
                Assert.Equal(live.Remove(id), index.Remove(id));
            }
            else
            {
                var key = gen.NextKey();
                live[id] = key;
                index.Upsert(Record(id, key));
            }
            if (step % 200 == 0)
            {
                Assert.Equal(live.Count, index.Count);
                var query = gen.NextKey();
                var expected = live.Select(kv => (Id: kv.Key, Sim: PgTrgm.Similarity(query, kv.Value)))
                    .Where(x => x.Sim >= 0.3).OrderByDescending(x => x.Sim).ThenBy(x => x.Id, StringComparer.Ordinal).Take(5)
                    .Select(x => $"{x.Id}:{x.Sim:R}").ToArray();
                Assert.Equal(expected, Describe(index.Search(query, 5, 0.3)));
            }
        }
        Assert.Equal(live.Count, index.Count);
        Assert.Equal(live.Keys.Order(StringComparer.Ordinal), index.Snapshot().Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Bitmaps_stay_true_through_removals_compaction_and_new_records()
    {
        // Lists most records share get bitmaps; removing half the records compacts the postings (slots renumbered),
        // and records added after must land in the bitmaps too. Low-threshold searches count on them.
        var gen = new SyntheticIncidents(CorpusSeeds.Load(), seed: 17);
        var index = new TrigramIndex();
        index.Upsert(Enumerable.Range(0, 4000).Select(i => Record("b" + i.ToString("D5"), gen.NextKey())));
        for (var i = 0; i < 4000; i += 2)
        {
            index.Remove("b" + i.ToString("D5"));
        }
        index.Upsert(Enumerable.Range(4000, 1500).Select(i => Record("b" + i.ToString("D5"), gen.NextKey())));
        for (var q = 0; q < 30; q++)
        {
            var query = q % 2 == 0 ? gen.NextNovelKey() : gen.NextKey();
            Assert.Equal(Describe(index.BruteForce(query, 30, 0.05)), Describe(index.Search(query, 30, 0.05)));
        }
    }

    private static string[] Describe(IReadOnlyList<SimilarIncident> results) =>
        results.Select(r => $"{r.Incident.Id}:{r.Similarity:R}").ToArray();
}
