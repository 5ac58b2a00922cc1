using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Core.Tests.Similarity.Support;
using Npgsql;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class PostgresIncidentStoreTests(PostgresFixture pg)
{
    private static IncidentRecord Record(string id, string title, string summary = "") =>
        new(id, title, (title + " " + summary).Trim(), "svc", "2026-06-02", "SEV2", "A cause.", $"/h/{id}.md", ["database"]);

    [Fact]
    public async Task Migrations_run_twice_without_harm_and_create_the_gin_trigram_index()
    {
        var cs = await pg.CreateDatabaseAsync();
        await using var store = new PostgresIncidentStore(cs);
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest), await store.MigrateAsync());
        await store.UpsertAsync([Record("a", "Payment pool exhausted")]);
        Assert.Empty(await store.MigrateAsync());
        // A second server migrating at the same time as a third: the advisory lock serialises them.
        await using var other = new PostgresIncidentStore(cs);
        await using var third = new PostgresIncidentStore(cs);
        var both = await Task.WhenAll(other.MigrateAsync(), third.MigrateAsync());
        Assert.All(both, Assert.Empty);
        Assert.Equal(PostgresMigrations.Latest, await store.SchemaVersionAsync());
        Assert.Equal(1, await store.CountAsync()); // data survived

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var idx = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'lsptriage' AND indexname = 'incidents_key_trgm'", conn);
        var def = (string?)await idx.ExecuteScalarAsync();
        Assert.Contains("USING gin (key gin_trgm_ops)", def);
        await using var versions = new NpgsqlCommand("SELECT count(*) FROM lsptriage.schema_version", conn);
        Assert.Equal((long)PostgresMigrations.Latest, await versions.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Upserts_are_idempotent_and_keyed_by_id()
    {
        var cs = await pg.CreateDatabaseAsync();
        await using var store = new PostgresIncidentStore(cs);
        var records = Enumerable.Range(0, 50).Select(i => Record("inc-" + i, "Incident number " + i, "summary " + i)).ToList();
        Assert.Equal(50, await store.UpsertCountingAsync(records));
        Assert.Equal(0, await store.UpsertCountingAsync(records)); // nothing rewritten
        Assert.Equal(50, await store.CountAsync());
        records[7] = records[7] with { Title = "Renamed incident", Key = "Renamed incident with a new key" };
        Assert.Equal(1, await store.UpsertCountingAsync(records));
        Assert.Equal(50, await store.CountAsync());
        var found = await store.SearchAsync(new SimilarityQuery("Renamed incident with a new key"));
        Assert.Equal("inc-7", found[0].Incident.Id);
        Assert.Equal("Renamed incident", found[0].Incident.Title);
        Assert.Equal(["database"], found[0].Incident.Categories);
        Assert.True(await store.DeleteAsync("inc-7"));
        Assert.False(await store.DeleteAsync("inc-7"));
        Assert.Equal(49, await store.CountAsync());
    }

    [Fact]
    public async Task Search_returns_what_the_embedded_index_returns_ties_included_and_each_shard_uses_its_gist_index()
    {
        var cs = await pg.CreateDatabaseAsync();
        await using var store = new PostgresIncidentStore(cs);
        // The CLI's store: the shards searched at once on connections of their own (the default one searches them in turn).
        await using var parallel = new PostgresIncidentStore(cs, PostgresIncidentStore.SearchConnections);
        var embedded = new EmbeddedIncidentStore();
        var records = RepoPaths.SimilarityMaterial().Select(f => IncidentRecordReader.Read(File.ReadAllText(f), f, Path.GetFileName(f))).ToList();
        // 48 copies of one key: more equal scores in each of the four shards than a shard's KNN scan fetches (k + 5),
        // so the order among them (by id) must come from fetching more.
        records.AddRange(Enumerable.Range(0, 48).Select(i => Record($"copy-{47 - i:D2}", "Replication lag on the orders replica after a vacuum", "Reads went stale for 40 minutes.")));
        await store.UpsertAsync(records);
        await embedded.UpsertAsync(records);
        Assert.Equal(records.Count, await store.CountAsync());

        var rng = new Random(5);
        var nonEmpty = 0;
        for (var i = 0; i < 60; i++)
        {
            var r = records[rng.Next(records.Count)];
            var threshold = new[] { 0.1, 0.2, 0.3, 0.5 }[i % 4];
            var query = new SimilarityQuery(i % 5 == 0 ? r.Title : r.Key, Top: 5, Threshold: threshold, ExcludeId: i % 2 == 0 ? r.Id : null);
            var fromPg = await store.SearchAsync(query);
            var fromIndex = await embedded.SearchAsync(query);
            Assert.Equal(fromIndex.Select(x => $"{x.Incident.Id}:{x.Similarity:R}"), fromPg.Select(x => $"{x.Incident.Id}:{x.Similarity:R}"));
            Assert.Equal(fromPg.Select(x => $"{x.Incident.Id}:{x.Similarity:R}"), (await parallel.SearchAsync(query)).Select(x => $"{x.Incident.Id}:{x.Similarity:R}"));
            nonEmpty += fromPg.Count > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty >= 40, $"only {nonEmpty} searches found anything");
        var copies = new SimilarityQuery("Replication lag on the orders replica after a vacuum Reads went stale for 40 minutes.", Top: 5);
        Assert.Equal(["copy-00", "copy-01", "copy-02", "copy-03", "copy-04"], (await store.SearchAsync(copies)).Select(x => x.Incident.Id));
        Assert.Equal(["copy-00", "copy-01", "copy-02", "copy-03", "copy-04"], (await parallel.SearchAsync(copies)).Select(x => x.Incident.Id));
        Assert.Equal((await embedded.SearchAsync(copies)).Select(x => x.Incident.Id), (await store.SearchAsync(copies)).Select(x => x.Incident.Id));

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", conn, tx))
        {
            await off.ExecuteNonQueryAsync();
        }
        for (var shard = 0; shard < PostgresIncidentStore.NearestSql.Length; shard++)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + PostgresIncidentStore.NearestSql[shard], conn, tx);
            explain.Parameters.AddWithValue("q", records[0].Key);
            explain.Parameters.Add(new NpgsqlParameter("exclude_id", NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value });
            explain.Parameters.Add(new NpgsqlParameter("exclude_path", NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value });
            explain.Parameters.AddWithValue("k", 10);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }
            Assert.True(plan.Any(l => l.Contains($"Index Scan using incidents_key_gist_{shard} ", StringComparison.Ordinal)), string.Join("\n", plan));
        }
    }

    [Fact]
    public async Task Feature_candidates_and_term_counts_are_the_embedded_index_s_and_a_common_term_finds_none()
    {
        // 1,500 incidents: one service carried by 600 of them (common: over a fifth), a signature by 250 (not
        // common), identifiers from a long tail. The query shares all three kinds.
        var rng = new Random(11);
        var records = Enumerable.Range(0, 1500).Select(i => new IncidentRecord($"inc-{i:D4}", $"Incident {i}", $"Incident {i} key text", i % 5 < 2 ? "checkout" : $"svc-{i % 40}", "2026-06-02", "SEV2", null, $"/h/{i}.md", [])
        {
            Features = new IncidentFeatures([i % 6 == 0 ? "connection-pool-exhaustion" : $"signature-{i % 9}"], [$"identifier_{(int)(Math.Pow(rng.NextDouble(), 3) * 300)}", $"identifier_{rng.Next(3000)}"]),
        }).ToList();
        var cs = await pg.CreateDatabaseAsync();
        await using var store = new PostgresIncidentStore(cs);
        var embedded = new EmbeddedIncidentStore();
        await store.UpsertAsync(records);
        await embedded.UpsertAsync(records);
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE lsptriage.incidents", conn);
            await analyze.ExecuteNonQueryAsync();
        }

        var queries = Enumerable.Range(0, 20).Select(i => records[rng.Next(records.Count)]).Prepend(records[0]).ToList();
        foreach (var query in queries)
        {
            var terms = query.Features.Terms("checkout");
            var q = new SimilarityQuery(query.Key, ExcludeId: query.Id);
            var fromPg = await store.FindByFeaturesAsync(q, terms, 20);
            var fromIndex = await embedded.FindByFeaturesAsync(q, terms, 20);
            // The same records in the same order, with the same pg_trgm similarity (bit for bit).
            Assert.Equal(fromIndex.Hits.Select(h => $"{h.Incident.Id}:{h.Similarity:R}"), fromPg.Hits.Select(h => $"{h.Incident.Id}:{h.Similarity:R}"));
            Assert.Equal(fromIndex.Frequencies.Total, fromPg.Frequencies.Total);
            Assert.Equal(fromIndex.Frequencies.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal), fromPg.Frequencies.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            // Counted no further than the common limit (300 at 1,500): "checkout" is common and found nothing.
            Assert.Equal(301, fromPg.Frequencies.Of("svc:checkout"));
            Assert.All(fromPg.Hits, h => Assert.True(h.Incident.Features.Terms(h.Incident.Service).Intersect(terms.Where(t => t != "svc:checkout")).Any(), h.Incident.Id));
        }
        // The signature carried by 250 is not common: the first incident's neighbours share it.
        var first = await store.FindByFeaturesAsync(new SimilarityQuery(records[0].Key, ExcludeId: records[0].Id), records[0].Features.Terms("checkout"), 20);
        Assert.Equal(250, first.Frequencies.Of("sig:connection-pool-exhaustion"));
        Assert.Equal(20, first.Hits.Count);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_as_unavailable_with_its_address_and_no_password()
    {
        await using var store = new PostgresIncidentStore("Host=127.0.0.1;Port=1;Username=u;Password=secret-pw;Database=d;Timeout=2");
        var e = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.CountAsync());
        Assert.Contains("127.0.0.1:1/d", e.Message);
        Assert.DoesNotContain("secret-pw", e.Message);
    }
}
