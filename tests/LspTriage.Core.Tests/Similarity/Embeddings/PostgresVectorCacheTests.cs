using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Tests.Shared;
using Npgsql;

namespace LspTriage.Core.Tests.Similarity.Embeddings;

[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class PostgresVectorCacheTests(PostgresFixture pg)
{
    [Fact]
    public async Task Vectors_round_trip_through_the_real_column_by_content_hash_and_model()
    {
        var cs = await pg.CreateDatabaseAsync();
        await using var cache = new PostgresVectorCache(cs);
        var a = ContentHash.Of("pool exhausted");
        var b = ContentHash.Of("disk full");
        float[] va = [0.6f, -0.8f, 1e-7f, float.Epsilon];
        float[] vb = [1, 0, 0, 0];

        await cache.PutAsync("m1", new Dictionary<string, float[]> { [a] = va, [b] = vb });
        await cache.PutAsync("m1", new Dictionary<string, float[]> { [a] = [9, 9, 9, 9] }); // first write wins

        var got = await cache.GetAsync("m1", [a, b, ContentHash.Of("never stored")]);
        Assert.Equal(2, got.Count);
        Assert.Equal(va, got[a]); // bit-exact: real[] is float4
        Assert.Equal(vb, got[b]);
        Assert.Empty(await cache.GetAsync("m2", [a]));
        Assert.Null(cache.LastProblem);

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var type = new NpgsqlCommand(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'lsptriage.incident_vectors'::regclass AND attname = 'vector'", conn);
        Assert.Equal("real[]", await type.ExecuteScalarAsync());
        await using var store = new PostgresIncidentStore(cs);
        Assert.Equal(PostgresMigrations.Latest, await store.SchemaVersionAsync());
    }

    [Fact]
    public async Task A_shared_cache_saves_a_second_server_the_call()
    {
        var cs = await pg.CreateDatabaseAsync();
        await using var cache1 = new PostgresVectorCache(cs);
        await using var cache2 = new PostgresVectorCache(cs);
        var one = new IncidentVectorsTests.CountingProvider();
        var two = new IncidentVectorsTests.CountingProvider();

        var first = await new IncidentVectors(one, new MemoryVectorCache(), cache1).ForAsync(["pool exhausted"]);
        var second = await new IncidentVectors(two, new MemoryVectorCache(), cache2).ForAsync(["pool exhausted"]);

        Assert.Equal(1, one.Calls);
        Assert.Equal(0, two.Calls);
        Assert.Equal(first[0], second[0]);
    }

    [Fact]
    public async Task An_unreachable_database_is_a_cache_miss_not_an_error()
    {
        var port = FakeOpenAiServer.FreePort();
        await using var cache = new PostgresVectorCache($"Host=127.0.0.1;Port={port};Username=x;Password=secret-pw;Database=x;Timeout=2");
        var provider = new IncidentVectorsTests.CountingProvider();

        var v = await new IncidentVectors(provider, cache).ForAsync(["pool exhausted"]);

        Assert.NotNull(v[0]);
        Assert.Equal(1, provider.Calls);
        Assert.NotNull(cache.LastProblem);
        Assert.DoesNotContain("secret-pw", cache.LastProblem);
    }
}
