using System.Globalization;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Core.Tests.Similarity.Support;
using LspTriage.Similarity.Bench;
using LspTriage.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace LspTriage.Core.Tests.Similarity;

/// <summary>
/// The local replica of the shared history against a real PostgreSQL: the first load, another server's writes arriving
/// by NOTIFY, catching up by the watermark when notifications were missed, one row per incident whoever writes it,
/// and writes made during an outage surviving a restart.
/// </summary>
[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class ReplicatedIncidentStoreTests(PostgresFixture pg) : IDisposable
{
    // Another server's write must show up in this server's searches within this long (NOTIFY takes milliseconds).
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private static IncidentRecord Record(string id, string title) =>
        new(id, title, title, "svc", null, null, null, $"/h/{id}.md", []);

    private ReplicatedIncidentStore Replica(string cs, TimeProvider? time = null, EmbeddedIncidentStore? local = null, string? state = null) =>
        new(new PostgresIncidentStore(cs), new IncidentOutbox(state ?? Path.Combine(_state.Path, Guid.NewGuid().ToString("N"))), local, time,
            pollInterval: TimeSpan.FromMinutes(10), retryInterval: TimeSpan.FromSeconds(30));

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {Bound.TotalSeconds:0} s: {what}");
            await Task.Delay(20);
        }
    }

    private static async Task<string?> FirstId(IIncidentStore store, string key) =>
        (await store.SearchAsync(new SimilarityQuery(key))).FirstOrDefault()?.Incident.Id;

    [Fact]
    public async Task The_first_load_reads_the_whole_history_in_the_background_and_ranks_exactly_as_postgres()
    {
        var cs = await pg.CreateDatabaseAsync();
        var gen = new SyntheticIncidents(CorpusSeeds.Load(), 11);
        var records = Enumerable.Range(0, 12_000).Select(i => Record("inc-" + i.ToString("D5", CultureInfo.InvariantCulture), gen.NextKey())).ToList();
        await using var direct = new PostgresIncidentStore(cs);
        await direct.UpsertAsync(records);

        // Before the shared history arrives, searches are answered from the workspace's own index.
        var local = new EmbeddedIncidentStore();
        await local.UpsertAsync([Record("local-only", "Workspace incident about a certificate that expired")]);
        await using var replica = Replica(cs, local: local);
        Assert.Equal("local-only", await FirstId(replica, "Workspace incident about a certificate that expired"));

        replica.Start();
        await replica.Loaded.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(records.Count, replica.ReplicaCount);
        Assert.Equal(records.Count, await replica.CountAsync());
        Assert.Null(await FirstId(replica, "Workspace incident about a certificate that expired")); // now the shared history answers

        var rng = new Random(3);
        var nonEmpty = 0;
        for (var i = 0; i < 40; i++)
        {
            var query = new SimilarityQuery(i % 2 == 0 ? records[rng.Next(records.Count)].Key : gen.NextKey(), Top: 5, Threshold: i % 3 == 0 ? 0.5 : 0.3);
            var fromPg = await direct.SearchAsync(query);
            var fromReplica = await replica.SearchAsync(query);
            Assert.Equal(fromPg.Select(x => $"{x.Incident.Id}:{x.Similarity:R}"), fromReplica.Select(x => $"{x.Incident.Id}:{x.Similarity:R}"));
            nonEmpty += fromPg.Count > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty >= 20, $"only {nonEmpty} searches found anything");
    }

    [Fact]
    public async Task Another_servers_writes_and_deletes_reach_this_servers_searches_by_notify()
    {
        var cs = await pg.CreateDatabaseAsync();
        // No clock moves in this test: with a ten-minute poll, only a notification can deliver the change.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-02T14:00:00Z", CultureInfo.InvariantCulture));
        await using var mine = Replica(cs, time).Start();
        await using var theirs = Replica(cs, time).Start();
        await Task.WhenAll(mine.Loaded, theirs.Loaded).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(await FirstId(mine, "Payment connection pool exhausted after the batch deploy"));

        await theirs.UpsertAsync([Record("theirs-1", "Payment connection pool exhausted after the batch deploy")]);
        await Eventually(async () => await FirstId(mine, "Payment connection pool exhausted after the batch deploy") == "theirs-1", "an insert by another server");

        await theirs.UpsertAsync([Record("theirs-1", "Search cluster disk full after reindex")]);
        await Eventually(async () => await FirstId(mine, "Search cluster disk full after reindex") == "theirs-1", "an update by another server");
        Assert.Null(await FirstId(mine, "Payment connection pool exhausted after the batch deploy"));

        Assert.True(await theirs.DeleteAsync("theirs-1"));
        await Eventually(async () => mine.ReplicaCount == 0, "a delete by another server");
    }

    [Fact]
    public async Task Changes_whose_notifications_were_missed_arrive_by_the_watermark_poll_and_on_reconnect()
    {
        var cs = await pg.CreateDatabaseAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-06-02T14:00:00Z", CultureInfo.InvariantCulture));
        var events = new List<IncidentStoreStatus>();
        await using var writer = new PostgresIncidentStore(cs);
        await writer.UpsertAsync([Record("kept", "Gateway certificate expired"), Record("doomed", "Cache stampede after a Redis restart")]);
        await using var mine = Replica(cs, time).Start();
        mine.StatusChanged += (_, s) => events.Add(s);
        await mine.Loaded.WaitAsync(TimeSpan.FromSeconds(30));

        // A write that notifies nobody (triggers off for this session, as a restore or a replication tool would write).
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var silent = new NpgsqlCommand(
                "SET session_replication_role = replica; INSERT INTO lsptriage.incidents (id, title, key) VALUES ('silent', 'Kafka broker disk full', 'Kafka broker disk full')", conn);
            await silent.ExecuteNonQueryAsync();
        }
        await Task.Delay(500);
        Assert.Null(await FirstId(mine, "Kafka broker disk full")); // nothing said so yet
        time.Advance(mine.PollInterval);
        await Eventually(async () => await FirstId(mine, "Kafka broker disk full") == "silent", "a silent write, by the watermark poll");

        // The connection drops: while it is down another server writes and deletes; the reconnect reads it all.
        await using (var admin = new NpgsqlConnection(cs))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%updated_at FROM lsptriage.incidents%'", admin);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }
        await Eventually(() => Task.FromResult(!mine.IsOnline), "noticing the dropped connection");
        await writer.UpsertAsync([Record("while-away", "DNS resolution failed for the internal zone")]);
        Assert.True(await writer.DeleteAsync("doomed"));
        Assert.Null(await FirstId(mine, "DNS resolution failed for the internal zone"));
        Assert.Equal("doomed", await FirstId(mine, "Cache stampede after a Redis restart")); // still the old copy

        time.Advance(mine.RetryInterval);
        await Eventually(async () => await FirstId(mine, "DNS resolution failed for the internal zone") == "while-away", "a write made while disconnected");
        await Eventually(async () => await FirstId(mine, "Cache stampede after a Redis restart") is null, "a delete made while disconnected");
        Assert.Equal("kept", await FirstId(mine, "Gateway certificate expired"));
        Assert.Equal(3, mine.ReplicaCount);
        Assert.Equal([false, true], events.Select(e => e.IsOnline));
    }

    [Fact]
    public async Task Two_servers_indexing_the_same_file_store_one_row_and_hold_one_record()
    {
        var cs = await pg.CreateDatabaseAsync();
        await using var a = Replica(cs).Start();
        await using var b = Replica(cs).Start();
        await Task.WhenAll(a.Loaded, b.Loaded).WaitAsync(TimeSpan.FromSeconds(30));
        var same = Record("incidents/2026-06-02-payment-pool.md", "Payment connection pool exhausted after the batch deploy");
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(a.UpsertAsync([same with { Path = "/clone-a/incidents/2026-06-02-payment-pool.md" }]), b.UpsertAsync([same with { Path = "/clone-b/incidents/2026-06-02-payment-pool.md" }]));
        }
        await using var direct = new PostgresIncidentStore(cs);
        Assert.Equal(1, await direct.CountAsync());
        await Eventually(async () => a.ReplicaCount == 1 && b.ReplicaCount == 1 && (await direct.SearchAsync(new SimilarityQuery(same.Key))).Count == 1, "one record everywhere");
        Assert.Single(await a.SearchAsync(new SimilarityQuery(same.Key)));
        Assert.Single(await b.SearchAsync(new SimilarityQuery(same.Key)));
    }

    [Fact]
    public async Task A_write_made_while_postgres_is_down_survives_a_restart_and_arrives_exactly_once()
    {
        var cs = await pg.CreateDatabaseAsync();
        var state = Path.Combine(_state.Path, "outbox");
        await using (var warm = new PostgresIncidentStore(cs))
        {
            await warm.MigrateAsync();
        }
        var events = new List<IncidentStoreStatus>();
        pg.PgCtl("stop");
        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var before = Replica(cs, state: state).Start();
            before.StatusChanged += (_, s) => events.Add(s);
            await Eventually(() => Task.FromResult(events.Count == 1), "the outage reported");
            await before.UpsertAsync([Record("queued", "Certificate expired at the gateway")]); // returns: queued
            Assert.Equal(1, before.PendingCount);
            Assert.Equal("queued", await FirstId(before, "Certificate expired at the gateway")); // the replica shows it at once
            Assert.Contains("unreachable", events[0].Message);
        }
        finally
        {
            pg.PgCtl("start");
            NpgsqlConnection.ClearAllPools();
        }
        var left = Assert.Single(Directory.GetFiles(state, "*.jsonl"));
        Assert.Contains("Certificate expired at the gateway", await File.ReadAllTextAsync(left));

        // The restarted server adopts the file and writes it through.
        var outbox = new IncidentOutbox(state);
        Assert.Equal(1, outbox.AdoptOrphans());
        await using (var after = new ReplicatedIncidentStore(new PostgresIncidentStore(cs), outbox).Start())
        {
            await after.Loaded.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, after.PendingCount);
            Assert.Equal("queued", await FirstId(after, "Certificate expired at the gateway"));
        }
        await using var direct = new PostgresIncidentStore(cs);
        Assert.Equal(1, await direct.CountAsync());
        Assert.Empty(Directory.GetFiles(state, "*.jsonl"));

        // Once, not again: another server changes the row; a further restart must not write the old copy back.
        await direct.UpsertAsync([Record("queued", "Certificate renewed late at the gateway")]);
        var again = new IncidentOutbox(state);
        Assert.Equal(0, again.AdoptOrphans());
        await using (var third = new ReplicatedIncidentStore(new PostgresIncidentStore(cs), again).Start())
        {
            await third.Loaded.WaitAsync(TimeSpan.FromSeconds(30));
        }
        var row = Assert.Single(await direct.SearchAsync(new SimilarityQuery("Certificate renewed late at the gateway", Threshold: 0.9)));
        Assert.Equal("queued", row.Incident.Id);
        Assert.Equal(1, await direct.CountAsync());
    }
}
