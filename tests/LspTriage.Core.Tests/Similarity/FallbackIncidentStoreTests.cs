using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Core.Tests.Similarity.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

/// <summary>The outage path against a real server: stop PostgreSQL mid-test with pg_ctl, then start it again.</summary>
[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class FallbackIncidentStoreTests(PostgresFixture pg)
{
    private static IncidentRecord Record(string id, string title) =>
        new(id, title, title, "svc", null, null, null, $"/h/{id}.md", []);

    [Fact]
    public async Task Outage_falls_back_once_queues_upserts_and_replays_them_after_restart()
    {
        var cs = await pg.CreateDatabaseAsync();
        var clock = new ManualClock(DateTimeOffset.Parse("2026-06-02T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var events = new List<IncidentStoreStatus>();
        await using var store = new FallbackIncidentStore(new PostgresIncidentStore(cs), new EmbeddedIncidentStore(), clock, TimeSpan.FromSeconds(30), backgroundRetry: false);
        store.StatusChanged += (_, s) => events.Add(s);

        await store.UpsertAsync([Record("a", "Payment connection pool exhausted after deploy"), Record("b", "Search disk full")]);
        Assert.Equal("postgres", store.Name);
        Assert.Equal(2, await store.CountAsync());
        Assert.Equal("a", (await store.SearchAsync(new SimilarityQuery("payment connection pool exhausted")))[0].Incident.Id);

        pg.PgCtl("stop");
        try
        {
            // Served from the embedded index; the outage is announced once.
            var during = await store.SearchAsync(new SimilarityQuery("payment connection pool exhausted"));
            Assert.Equal("a", during[0].Incident.Id);
            Assert.False(store.IsOnline);
            Assert.Equal("embedded", store.Name);
            var outage = Assert.Single(events);
            Assert.False(outage.IsOnline);
            Assert.Contains("unreachable", outage.Message);

            await store.UpsertAsync([Record("c", "Certificate expired at the gateway")]);
            await store.UpsertAsync([Record("a", "Payment connection pool exhausted after the batch deploy")]);
            Assert.True(await store.DeleteAsync("b"));
            Assert.Equal(3, store.PendingCount);
            Assert.Equal("c", (await store.SearchAsync(new SimilarityQuery("certificate expired gateway")))[0].Incident.Id);

            // Before the retry interval nothing is attempted, and nothing more is announced.
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(2, await store.CountAsync()); // local index: a, c
            Assert.Single(events);
        }
        finally
        {
            pg.PgCtl("start");
            NpgsqlConnection.ClearAllPools();
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        var after = await store.SearchAsync(new SimilarityQuery("certificate expired gateway"));
        Assert.True(store.IsOnline);
        Assert.Equal(2, events.Count);
        Assert.True(events[1].IsOnline);
        Assert.Contains("replayed 3", events[1].Message);
        Assert.Equal(0, store.PendingCount);
        Assert.Equal("c", after[0].Incident.Id);

        // The database itself now holds the replayed state.
        await using var direct = new PostgresIncidentStore(cs);
        Assert.Equal(2, await direct.CountAsync());
        var a = await direct.SearchAsync(new SimilarityQuery("Payment connection pool exhausted after the batch deploy"));
        Assert.Equal("Payment connection pool exhausted after the batch deploy", a[0].Incident.Title);
        Assert.Empty(await direct.SearchAsync(new SimilarityQuery("Search disk full", Threshold: 0.9)));
    }

    [Fact]
    public async Task Queued_upserts_replay_one_retry_interval_after_the_outage_was_noticed_not_up_to_two()
    {
        var cs = await pg.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-02T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var online = new TaskCompletionSource<IncidentStoreStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var store = new FallbackIncidentStore(new PostgresIncidentStore(cs), new EmbeddedIncidentStore(), clock, TimeSpan.FromSeconds(30));
        store.StatusChanged += (_, s) =>
        {
            if (s.IsOnline)
            {
                online.TrySetResult(s);
            }
        };
        await store.UpsertAsync([Record("a", "Payment connection pool exhausted after deploy")]);

        // The outage is noticed 25 s into the timer's period: the retry is due at 55 s, not at the tick at 60 s.
        clock.Advance(TimeSpan.FromSeconds(25));
        pg.PgCtl("stop");
        try
        {
            await store.UpsertAsync([Record("c", "Certificate expired at the gateway")]);
            Assert.False(store.IsOnline);
            Assert.Equal(1, store.PendingCount);
        }
        finally
        {
            pg.PgCtl("start");
            NpgsqlConnection.ClearAllPools();
        }

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(online.Task.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var back = await online.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("replayed 1", back.Message);
        await using var direct = new PostgresIncidentStore(cs);
        Assert.Equal(2, await direct.CountAsync());
    }
}
