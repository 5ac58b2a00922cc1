using System.Diagnostics;
using System.Globalization;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using Npgsql;
using NpgsqlTypes;

namespace LspTriage.Similarity.Bench;

/// <summary>
/// Team scale (issue 10): a shared history of N generated incidents in PostgreSQL, and what a server and the CLI do
/// with it — the replica's initial sync, a hover's top-5 on the replica, the CLI's <c>similar --pg</c> query on the
/// database, and GIN <c>%</c> against GiST KNN <c>&lt;-&gt;</c> for that query. Nothing generated is kept.
/// </summary>
internal static class TeamScaleBench
{
    // A GIN query takes seconds at 100,000 rows: a few warm the caches, more would only cost time.
    private const int PgWarmUp = 3;

    private static readonly string[] Services = Enumerable.Range(0, 200).Select(i => $"svc-{i:D3}").ToArray();
    private static readonly string[] Signatures = Enumerable.Range(0, 25).Select(i => $"signature-{i:D2}").ToArray();

    public static async Task RunAsync(string adminConnection, IReadOnlyList<(string Title, string Summary)> seeds, int size, int queryCount, int pgQueryCount, bool compareIndexes)
    {
        var gen = new SyntheticIncidents(seeds, 1000 + size);
        var rng = new Random(size);
        var records = Enumerable.Range(0, size).Select(i => Incident(rng, $"team-{i:D6}", gen.NextKey())).ToList();
        var queries = Enumerable.Range(0, queryCount + 50).Select(i => Incident(rng, $"query-{i}", i % 4 == 3 ? gen.NextNovelKey() : gen.NextKey())).ToList();
        var db = $"lsptriage_team_{size}";
        var cs = await BenchDatabase.CreateAsync(adminConnection, db);
        Console.WriteLine($"team scale: {size:N0} incidents in PostgreSQL ({records.Average(r => r.Key.Length):0} chars a key, 1 signature, 2–4 identifiers and a service each); {queryCount} queries, a quarter of them novel; load average {LoadAverage()}");

        await using (var writer = new PostgresIncidentStore(cs))
        {
            await writer.MigrateAsync();
        }
        // Loaded with the GIN index only; the GiST indexes are built one at a time below, so each variant is measured
        // alone (the planner could answer `%` from either).
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await BenchDatabase.ExecAsync(conn, PostgresMigrations.DropKeyIndexSql);
        }
        var copy = Stopwatch.StartNew();
        await BenchDatabase.CopyAsync(cs, records);
        Console.WriteLine($"  COPY {size:N0} rows with the migrations' indexes: {copy.Elapsed.TotalSeconds:0.0} s");

        // 1. Initial sync: a server starting with store=postgres, until the whole history is in its replica.
        ReplicatedIncidentStore? replica = null;
        for (var run = 1; run <= 3; run++)
        {
            if (replica is not null)
            {
                await replica.DisposeAsync();
            }
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            replica = new ReplicatedIncidentStore(new PostgresIncidentStore(cs), new IncidentOutbox(null)).Start();
            await replica.Loaded;
            sw.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Console.WriteLine($"  initial sync run {run}{(run == 1 ? " (cold JIT)" : "")}: {replica.ReplicaCount:N0} rows in {sw.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s CPU (target < 10 s; load average {LoadAverage()})");
        }

        // 2. Hover: the combined top-5 a hover asks for (lexical pool + feature candidates, searched at once), on the
        // replica. The replica answers synchronously, so a single search's thread CPU time is its own work: less at
        // the mercy of a loaded machine than wall time. The hover's two searches run on two threads: wall time only.
        var hover = new SimilarIncidentFinder(replica!);
        var (hoverTimes, _) = await TimeAsync(queries, q => hover.FindAsync(q, null, 5));
        var (lexical, lexicalCpu) = await TimeAsync(queries, q => replica!.SearchAsync(new SimilarityQuery(q.Key, 5, 0.3)));
        Console.WriteLine($"  hover top-5 on the replica, combined score: wall p50 {P(hoverTimes, 50):0.00} ms, p95 {P(hoverTimes, 95):0.00} ms, p99 {P(hoverTimes, 99):0.00} ms (target p95 < 10 ms; load average {LoadAverage()})");
        Console.WriteLine($"  replica pg_trgm top-5 at 0.3 alone: wall p50 {P(lexical, 50):0.00} ms, p95 {P(lexical, 95):0.00} ms; thread CPU p50 {P(lexicalCpu, 50):0.00} ms, p95 {P(lexicalCpu, 95):0.00} ms");
        // The hover's two candidate sources on their own: where its time goes.
        var (pool, _) = await TimeAsync(queries, q => replica!.SearchAsync(new SimilarityQuery(q.Key, 30, 0.05)));
        var (byFeatures, _) = await TimeAsync(queries, q => replica!.FindByFeaturesAsync(new SimilarityQuery(q.Key), q.Features.Terms(q.Service), 50));
        Console.WriteLine($"    of which the lexical pool (top-30 at 0.05): p50 {P(pool, 50):0.00} ms, p95 {P(pool, 95):0.00} ms; feature candidates (top-50): p50 {P(byFeatures, 50):0.00} ms, p95 {P(byFeatures, 95):0.00} ms");

        // 3. The database query, GIN `%` (migration 2) against GiST KNN `<->`, both query shapes the finder uses.
        var pgQueries = queries.Take(pgQueryCount + PgWarmUp).ToList();
        var shapes = new (string Name, int Top, double Threshold)[] { ("top-5 at 0.3 (--lexical)", 5, 0.3), ("top-30 at 0.05 (combined pool)", 30, 0.05) };
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            foreach (var (variant, ddl) in compareIndexes ? new[]
            {
                ("GIN `key % q ORDER BY similarity`", (string?)null),
                ("GiST(siglen=12) `ORDER BY key <-> q LIMIT k+5`", "CREATE INDEX bench_gist ON lsptriage.incidents USING gist (key gist_trgm_ops)"),
                ("GiST(siglen=256) `ORDER BY key <-> q LIMIT k+5`", "CREATE INDEX bench_gist ON lsptriage.incidents USING gist (key gist_trgm_ops(siglen=256))"),
            } : [])
            {
                if (ddl is not null)
                {
                    await BenchDatabase.ExecAsync(conn, "DROP INDEX IF EXISTS lsptriage.bench_gist");
                    var build = Stopwatch.StartNew();
                    await BenchDatabase.ExecAsync(conn, ddl);
                    await BenchDatabase.ExecAsync(conn, "ANALYZE lsptriage.incidents");
                    Console.WriteLine($"  {variant}: index built in {build.Elapsed.TotalSeconds:0.0} s");
                }
                foreach (var (name, top, threshold) in shapes)
                {
                    var times = new List<double>();
                    var agree = 0;
                    for (var i = 0; i < pgQueries.Count; i++)
                    {
                        var sw = Stopwatch.StartNew();
                        var found = ddl is null ? await GinAsync(conn, pgQueries[i].Key, top, threshold) : await KnnAsync(conn, pgQueries[i].Key, top, threshold);
                        sw.Stop();
                        if (i >= PgWarmUp)
                        {
                            times.Add(sw.Elapsed.TotalMilliseconds);
                            var local = await replica!.SearchAsync(new SimilarityQuery(pgQueries[i].Key, top, threshold));
                            agree += local.Select(x => $"{x.Incident.Id}:{x.Similarity:R}").SequenceEqual(found) ? 1 : 0;
                        }
                    }
                    Console.WriteLine($"    {name}: p50 {P(times, 50):0.0} ms, p95 {P(times, 95):0.0} ms; same ids and similarities as the replica {agree}/{times.Count} (load average {LoadAverage()})");
                }
            }
        }

        // 4. `lsptriage similar --pg` as the CLI runs it: the store's query (migration 7's sharded index, a connection per
        // shard) plus feature candidates.
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await BenchDatabase.ExecAsync(conn, "DROP INDEX IF EXISTS lsptriage.bench_gist");
            await BenchDatabase.ExecAsync(conn, PostgresMigrations.KeyIndexSql);
            await BenchDatabase.ExecAsync(conn, "ANALYZE lsptriage.incidents");
        }
        await using (var pgStore = new PostgresIncidentStore(cs, PostgresIncidentStore.SearchConnections))
        {
            await pgStore.MigrateAsync();
            foreach (var (name, top, threshold) in shapes)
            {
                var agree = 0;
                var (times, _) = await TimeAsync(pgQueries, async q =>
                {
                    var found = await pgStore.SearchAsync(new SimilarityQuery(q.Key, top, threshold));
                    var local = await replica!.SearchAsync(new SimilarityQuery(q.Key, top, threshold));
                    agree += local.Select(x => $"{x.Incident.Id}:{x.Similarity:R}").SequenceEqual(found.Select(x => $"{x.Incident.Id}:{x.Similarity:R}")) ? 1 : 0;
                    return found;
                }, warmUp: 0);
                Console.WriteLine($"  the store's search (KNN, ties exact), {name}: p50 {P(times, 50):0.0} ms, p95 {P(times, 95):0.0} ms (includes the replica's answer for comparison); same as the replica {agree}/{times.Count}");
            }
            var (featureTimes, _) = await TimeAsync(pgQueries, q => pgStore.FindByFeaturesAsync(new SimilarityQuery(q.Key), q.Features.Terms(q.Service), 50), warmUp: PgWarmUp);
            Console.WriteLine($"  the store's feature candidates (GIN on features): p50 {P(featureTimes, 50):0.0} ms, p95 {P(featureTimes, 95):0.0} ms");
            var cli = new SimilarIncidentFinder(pgStore);
            var (cliTimes, _) = await TimeAsync(pgQueries, q => cli.FindAsync(q, null, 5), warmUp: PgWarmUp);
            Console.WriteLine($"  `similar --pg` (combined, the store's query): p50 {P(cliTimes, 50):0.0} ms, p95 {P(cliTimes, 95):0.0} ms (target p95 < 200 ms)");
        }
        await replica!.DisposeAsync();
    }

    private static IncidentRecord Incident(Random rng, string id, string key)
    {
        // Identifiers drawn with a long tail, as real histories have: a few common, most rare.
        var identifiers = Enumerable.Range(0, rng.Next(2, 5)).Select(_ => $"identifier_{(int)(Math.Pow(rng.NextDouble(), 3) * 20_000)}").Distinct().ToArray();
        var service = Services[rng.Next(Services.Length)];
        return new IncidentRecord(id, key.Length > 80 ? key[..80] : key, key, service, "2026-06-02", "SEV2", null, $"/history/{id}.md", [])
        {
            Features = new IncidentFeatures([Signatures[rng.Next(Signatures.Length)]], identifiers),
        };
    }

    private static async Task<List<string>> GinAsync(NpgsqlConnection conn, string q, int top, double threshold)
    {
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", conn, tx))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = threshold.ToString("R", CultureInfo.InvariantCulture) });
            await set.ExecuteNonQueryAsync();
        }
        await using var cmd = new NpgsqlCommand("SELECT id, similarity(key, $1) AS sml FROM lsptriage.incidents WHERE key % $1 ORDER BY sml DESC, id LIMIT $2", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = q });
        cmd.Parameters.Add(new NpgsqlParameter { Value = top });
        var found = await ReadAsync(cmd);
        await tx.CommitAsync();
        return found;
    }

    private static async Task<List<string>> KnnAsync(NpgsqlConnection conn, string q, int top, double threshold)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT id, sml FROM (SELECT id, similarity(key, $1) AS sml FROM lsptriage.incidents ORDER BY key <-> $1 LIMIT $2 + 5) n WHERE sml >= $3 ORDER BY sml DESC, id LIMIT $2", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = q });
        cmd.Parameters.Add(new NpgsqlParameter { Value = top });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (float)threshold, NpgsqlDbType = NpgsqlDbType.Real });
        return await ReadAsync(cmd);
    }

    private static async Task<List<string>> ReadAsync(NpgsqlCommand cmd)
    {
        var found = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add($"{reader.GetString(0)}:{reader.GetFloat(1):R}");
        }
        return found;
    }

    private static async Task<(List<double> Wall, List<double> ThreadCpu)> TimeAsync<T>(IReadOnlyList<IncidentRecord> queries, Func<IncidentRecord, Task<T>> run, int warmUp = 50)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < queries.Count; i++)
        {
            var c0 = ThreadCpuClock.NowMilliseconds();
            var sw = Stopwatch.StartNew();
            await run(queries[i]);
            sw.Stop();
            var c1 = ThreadCpuClock.NowMilliseconds();
            if (i >= warmUp)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add(c1 - c0);
            }
        }
        return (times, cpu);
    }

    private static double P(List<double> xs, double p)
    {
        var sorted = xs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
