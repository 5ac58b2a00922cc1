using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Tests.Similarity.Matching;

public sealed class MatchScorerTests
{
    private static IncidentRecord Record(string id, string text) => IncidentRecordReader.Read(text, $"/h/{id}.md", id);

    private const string Pool = """
        ---
        service: payment-svc
        ---
        # Checkout failing: postgres-primary out of connections

        ## Summary
        payment-svc returned HTTP 500 for 25 minutes: "FATAL: sorry, too many clients already" from postgres-primary,
        active_connections at max_connections while CPU stayed at 30%.

        ## Root cause
        The settlement job opened its own HikariCP pool per pod and held connections open.
        """;

    private const string PoolZh = """
        ---
        service: payment-svc
        ---
        # 支付服务大量报错，数据库连接被占满

        ## 摘要
        支付接口持续失败二十多分钟，主库连接数达到上限（max_connections），日志里全是 "FATAL: sorry, too many clients already"，而数据库 CPU 很低。
        """;

    private const string Decoy = """
        ---
        service: payment-svc
        ---
        # Checkout failing: payment latency after deploy

        ## Summary
        payment-svc returned HTTP 500 for 25 minutes after the v3.2 deploy; a nil pointer in the new refund handler.
        """;

    [Fact]
    public async Task A_translation_outranks_a_same_service_decoy_and_the_reasons_say_why()
    {
        var store = new EmbeddedIncidentStore();
        await store.UpsertAsync([Record("pool", Pool), Record("decoy", Decoy), Record("disk", "# Search disk full\n\n## Summary\nes-data-3 hit the flood-stage watermark; indices read-only.\n")]);
        var finder = new SimilarIncidentFinder(store);
        var results = await finder.FindAsync(PoolZh, "/q/zh.md", threshold: 0);
        Assert.Equal("pool", results[0].Incident.Id);
        var reasons = results[0].Match!.Reasons;
        Assert.Contains("same service", reasons);
        Assert.Contains(reasons, r => r.StartsWith("shared: ", StringComparison.Ordinal) && r.Contains("`FATAL: sorry, too many clients already`", StringComparison.Ordinal));
        Assert.True(results[0].Similarity < 0.3f, "pg_trgm alone would not show it");
        var decoy = results.Single(r => r.Incident.Id == "decoy");
        Assert.True(results[0].Score > decoy.Score + 0.1, $"{results[0].Score} vs decoy {decoy.Score}");

        // pg_trgm alone, at its default threshold, shows nothing; the combined score at its fitted one shows the twin.
        Assert.Empty(await SimilarIncidentFinder.Lexical(store).FindAsync(PoolZh, "/q/zh.md"));
        Assert.Equal("pool", (await finder.FindAsync(PoolZh, "/q/zh.md"))[0].Incident.Id);
    }

    [Fact]
    public void The_combined_score_never_drops_below_the_lexical_score()
    {
        var w = MatchModel.Default.WithoutVectors;
        Assert.Equal(0.9, w.Score(new MatchSignals(0.9f, 0, 0, 0)), 5);
        Assert.True(w.Score(new MatchSignals(0.1f, 1, 1, 1)) > 0.9);
    }

    [Fact]
    public async Task Feature_candidates_follow_upserts_and_deletes()
    {
        var store = new EmbeddedIncidentStore();
        await store.UpsertAsync([Record("pool", Pool)]);
        var query = Record("q", PoolZh);
        var terms = query.Features.Terms(query.Service);
        Assert.Equal("pool", Assert.Single((await store.FindByFeaturesAsync(new SimilarityQuery(query.Key), terms, 10)).Hits).Incident.Id);
        Assert.True(await store.DeleteAsync("pool"));
        var after = await store.FindByFeaturesAsync(new SimilarityQuery(query.Key), terms, 10);
        Assert.Empty(after.Hits);
        Assert.All(after.Frequencies.Counts.Values, n => Assert.Equal(0, n));
    }
}
