using LspTriage.Core.Similarity.Index;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Tests.Similarity;

public sealed class FeatureIndexTests
{
    private static IncidentRecord Record(string id, string signature, string service, params string[] identifiers) =>
        new(id, id, id, service, "2026-06-02", "SEV2", null, $"/h/{id}.md", []) { Features = new IncidentFeatures([signature], identifiers) };

    [Fact]
    public void Candidates_are_the_ids_sharing_the_most_uncommon_terms_ties_by_id_as_a_full_sort_gives()
    {
        var rng = new Random(3);
        var index = new FeatureIndex();
        var records = Enumerable.Range(0, 3000).Select(i => Record($"r{rng.Next(1_000_000):D6}-{i}", $"sig-{rng.Next(12)}", $"svc-{rng.Next(30)}",
            $"id{(int)(Math.Pow(rng.NextDouble(), 3) * 400)}", $"id{rng.Next(2000)}")).ToList();
        foreach (var r in records)
        {
            index.Upsert(r);
        }
        for (var q = 0; q < 40; q++)
        {
            var query = records[rng.Next(records.Count)];
            var terms = query.Features.Terms(query.Service);
            var limit = new[] { 1, 5, 50, 400 }[q % 4];
            // The reference: count the uncommon shared terms of every record, sort all of them.
            var frequencies = index.Frequencies(terms);
            var uncommon = terms.Where(t => frequencies.Of(t) > 0 && !FeatureFrequencies.IsCommon(frequencies.Of(t), index.Count)).ToHashSet(StringComparer.Ordinal);
            var expected = records
                .Select(r => (r.Id, Shared: r.Features.Terms(r.Service).Count(uncommon.Contains)))
                .Where(x => x.Shared > 0)
                .OrderByDescending(x => x.Shared).ThenBy(x => x.Id, StringComparer.Ordinal)
                .Take(limit).Select(x => x.Id);
            Assert.Equal(expected, index.Candidates(terms, limit));
        }
    }

    [Fact]
    public void A_common_term_is_counted_to_just_over_the_limit_and_finds_nothing()
    {
        var index = new FeatureIndex();
        // 1,000 incidents, 300 of one service: the limit is 200 (the floor; a fifth is 200 too).
        for (var i = 0; i < 1000; i++)
        {
            index.Upsert(Record($"r{i:D4}", $"sig-{i % 50}", i < 300 ? "checkout" : $"svc-{i}"));
        }
        var terms = new[] { "svc:checkout" };
        Assert.Equal(201, index.Frequencies(terms).Of("svc:checkout"));
        Assert.Empty(index.Candidates(terms, 10));
        Assert.Equal(["r0000", "r0050"], index.Candidates(["sig:sig-0", "svc:checkout"], 2));
    }
}
