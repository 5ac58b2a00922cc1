using System.Diagnostics;
using System.Globalization;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Similarity.Bench;

// Similarity benchmark: embedded index vs PostgreSQL (GIN gin_trgm_ops) on the same generated keys, in one run.
//   dotnet run -c Release --project bench/LspTriage.Similarity.Bench [-- --sizes 1000,10000,100000 --queries 500 --no-pg]
// PostgreSQL: LSPTRIAGE_TEST_PG if set, else a throwaway cluster started (and removed) with scripts/postgres-test-cluster.sh.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var sizes = Arg("--sizes", "1000,10000,100000").Split(',').Select(int.Parse).ToArray();
var queryCount = int.Parse(Arg("--queries", "500"), CultureInfo.InvariantCulture);
var pgQueryCount = Math.Min(queryCount, int.Parse(Arg("--pg-queries", "200"), CultureInfo.InvariantCulture));
var usePg = !args.Contains("--no-pg");
var root = FindRoot();
var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "public-postmortems"));
var seeds = Directory.GetFiles(corpus, "*.md").Order(StringComparer.Ordinal).Select(f =>
{
    var r = IncidentRecordReader.Read(File.ReadAllText(f), f, keyMode: IncidentKey.TitleAndSummary);
    return (r.Title, Summary: r.Key.Length > r.Title.Length ? r.Key[r.Title.Length..].Trim() : "");
}).ToList();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; seeds: {seeds.Count} corpus titles+summaries; key = title + summary (avg {seeds.Average(s => s.Title.Length + s.Summary.Length + 1):0} chars)");
Console.WriteLine();

// Team scale only (issue 10): replica sync, hover on the replica, the CLI's PostgreSQL query, GIN vs GiST.
//   dotnet run -c Release --project bench/LspTriage.Similarity.Bench -- --team [--team-size 100000 --queries 500 --pg-queries 200 --no-index-comparison]
if (args.Contains("--team"))
{
    var (teamPg, teamCluster) = StartPostgres(root);
    try
    {
        await TeamScaleBench.RunAsync(teamPg!, seeds, int.Parse(Arg("--team-size", "100000"), CultureInfo.InvariantCulture), queryCount, pgQueryCount, compareIndexes: !args.Contains("--no-index-comparison"));
    }
    finally
    {
        if (teamCluster is not null)
        {
            Sh(Path.Combine(root, "scripts", "postgres-test-cluster.sh"), "stop", teamCluster);
        }
    }
    return;
}

// 1. Start-up indexing of 10,000 files on disk (first thing in the process: includes JIT, as a server start would).
var dir = Directory.CreateTempSubdirectory("lsptriage-bench-").FullName;
try
{
    var fileGen = new SyntheticIncidents(seeds, 42);
    for (var i = 0; i < 10_000; i++)
    {
        var sub = Path.Combine(dir, "incidents", (i / 1000).ToString("D2", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, $"incident-{i:D5}.md"), fileGen.NextFile(i));
    }
    var bytes = Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"start-up indexing: 10,000 files ({bytes / 1024.0 / 1024.0:0.0} MB) in {dir}");
    for (var run = 1; run <= 3; run++)
    {
        var store = new EmbeddedIncidentStore();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var report = await store.IndexFoldersAsync([dir]);
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine($"  run {run}{(run == 1 ? " (cold JIT)" : "")}: {report.Indexed} indexed in {sw.Elapsed.TotalMilliseconds:0} ms wall, {cpu.TotalMilliseconds:0} ms CPU on {Environment.ProcessorCount} threads (load average {LoadAverage()})");
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}
Console.WriteLine();

// 2. Memory per 10,000 keys.
{
    var gen = new SyntheticIncidents(seeds, 7);
    var records = Enumerable.Range(0, 10_000).Select(i => Rec(i, gen.NextKey())).ToList();
    var before = GC.GetTotalMemory(true);
    var store = new EmbeddedIncidentStore();
    await store.UpsertAsync(records);
    var after = GC.GetTotalMemory(true);
    var keyChars = records.Sum(r => (long)r.Key.Length);
    Console.WriteLine($"memory: embedded index over 10,000 keys = {(after - before) / 1024.0 / 1024.0:0.0} MB (trigram sets + postings; the records themselves, keys {keyChars * 2 / 1024.0 / 1024.0:0.0} MB of UTF-16, are held by the caller too)");
    GC.KeepAlive(store);
    GC.KeepAlive(records);
}
Console.WriteLine();

// 3. Top-5 latency at each size, embedded and PostgreSQL, same keys and queries.
string? pgConnection = null;
string? clusterDir = null;
if (usePg)
{
    (pgConnection, clusterDir) = StartPostgres(root);
}
try
{
    Console.WriteLine($"top-5 search, threshold 0.3 — embedded: {queryCount} queries after 100 warm-up; PostgreSQL (GIN gin_trgm_ops, `%` + ORDER BY similarity): up to {pgQueryCount} of the same queries; agree = identical ids and float4 similarities");
    Console.WriteLine($"{"keys",8} | {"embedded p50",12} {"p95",8} {"p99",8} {"cpu p95",9} {"build",7} | {"postgres p50",12} {"p95",8} {"load",8} | agree");
    foreach (var n in sizes)
    {
        var gen = new SyntheticIncidents(seeds, n);
        var records = Enumerable.Range(0, n).Select(i => Rec(i, gen.NextKey())).ToList();
        var queries = Enumerable.Range(0, queryCount + 100).Select(_ => gen.NextKey()).ToList();

        var store = new EmbeddedIncidentStore();
        var build = Stopwatch.StartNew();
        await store.UpsertAsync(records);
        build.Stop();
        var embeddedTimes = new List<double>();
        var embeddedCpu = new List<double>();
        var embeddedResults = new List<IReadOnlyList<SimilarIncident>>();
        for (var i = 0; i < queries.Count; i++)
        {
            var c0 = ThreadCpuClock.NowMilliseconds();
            var sw = Stopwatch.StartNew();
            var res = store.Search(new SimilarityQuery(queries[i], 5, 0.3));
            sw.Stop();
            var c1 = ThreadCpuClock.NowMilliseconds();
            if (i >= 100)
            {
                embeddedTimes.Add(sw.Elapsed.TotalMilliseconds);
                embeddedCpu.Add(c1 - c0);
                embeddedResults.Add(res);
            }
        }
        // The hard case: queries with no near-duplicate in the index.
        var novelTimes = new List<double>();
        var novelFound = 0;
        for (var i = 0; i < Math.Min(200, queryCount); i++)
        {
            var q = gen.NextNovelKey();
            var sw = Stopwatch.StartNew();
            var res = store.Search(new SimilarityQuery(q, 5, 0.3));
            sw.Stop();
            novelTimes.Add(sw.Elapsed.TotalMilliseconds);
            novelFound += res.Count > 0 ? 1 : 0;
        }
        var line = $"{n,8} | {P(embeddedTimes, 50),10:0.000}ms {P(embeddedTimes, 95),6:0.000}ms {P(embeddedTimes, 99),6:0.000}ms {P(embeddedCpu, 95),7:0.000}ms {build.Elapsed.TotalSeconds,6:0.00}s |";
        if (pgConnection is not null)
        {
            // PostgreSQL takes ~0.5 s a query at 10,000 long keys and ~10x that at 100,000: fewer queries there.
            var pgQueries = Math.Min(pgQueryCount, Math.Max(30, 3_000_000 / n));
            var warmUp = Math.Min(20, pgQueries / 5);
            var (pgTimes, pgResults, load) = await RunPostgres(pgConnection, n, records, queries.Skip(100 - warmUp).Take(pgQueries + warmUp).ToList(), warmUp);
            var agree = 0;
            for (var i = 0; i < pgResults.Count; i++)
            {
                agree += Same(pgResults[i], embeddedResults[i]) ? 1 : 0;
            }
            line += $" {P(pgTimes, 50),10:0.0}ms {P(pgTimes, 95),8:0.0}ms {load.TotalSeconds,7:0.0}s | {agree}/{pgResults.Count} | p95 ratio {P(pgTimes, 95) / P(embeddedTimes, 95):0}x";
        }
        else
        {
            line += " (skipped)";
        }
        Console.WriteLine(line);
        var found = embeddedResults.Count(r => r.Count > 0);
        Console.WriteLine($"{"",8}   novel queries (one seed's title + another's summary, heavily edited; {novelFound}/{novelTimes.Count} had matches): embedded p50 {P(novelTimes, 50):0.000} ms, p95 {P(novelTimes, 95):0.000} ms");
        Console.WriteLine($"{"",8}   {found}/{embeddedResults.Count} queries had matches ≥ 0.3 (mean best {embeddedResults.Where(r => r.Count > 0).Select(r => (double)r[0].Similarity).DefaultIfEmpty(0).Average():0.00}); load average {LoadAverage()}");
    }
}
finally
{
    if (clusterDir is not null)
    {
        Sh(Path.Combine(root, "scripts", "postgres-test-cluster.sh"), "stop", clusterDir);
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static IncidentRecord Rec(int i, string key) =>
    new("bench-" + i.ToString("D6", CultureInfo.InvariantCulture), key.Length > 60 ? key[..60] : key, key, null, null, null, null, null, []);

static double P(List<double> xs, double p)
{
    var sorted = xs.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
}

static bool Same(IReadOnlyList<SimilarIncident> a, IReadOnlyList<SimilarIncident> b) =>
    a.Count == b.Count && a.Zip(b).All(p => p.First.Incident.Id == p.Second.Incident.Id && p.First.Similarity == p.Second.Similarity);

static async Task<(List<double> Times, List<IReadOnlyList<SimilarIncident>> Results, TimeSpan Load)> RunPostgres(string cs, int n, List<IncidentRecord> records, List<string> queries, int warmUp)
{
    var dbcs = await BenchDatabase.CreateAsync(cs, $"lsptriage_bench_{n}");
    await using var store = new PostgresIncidentStore(dbcs);
    await store.MigrateAsync();
    var load = Stopwatch.StartNew();
    await BenchDatabase.CopyAsync(dbcs, records);
    load.Stop();
    var times = new List<double>();
    var results = new List<IReadOnlyList<SimilarIncident>>();
    for (var i = 0; i < queries.Count; i++)
    {
        var sw = Stopwatch.StartNew();
        var res = await store.SearchAsync(new SimilarityQuery(queries[i], 5, 0.3));
        sw.Stop();
        if (i >= warmUp)
        {
            times.Add(sw.Elapsed.TotalMilliseconds);
            results.Add(res);
        }
    }
    return (times, results, load.Elapsed);
}

static (string? Connection, string? ClusterDir) StartPostgres(string root)
{
    if (Environment.GetEnvironmentVariable("LSPTRIAGE_TEST_PG") is { Length: > 0 } existing)
    {
        Console.WriteLine("postgres: LSPTRIAGE_TEST_PG");
        return (existing, null);
    }
    var output = Sh(Path.Combine(root, "scripts", "postgres-test-cluster.sh"), "start");
    string? cs = null, dir = null;
    foreach (var line in output.Split('\n'))
    {
        if (line.StartsWith("export LSPTRIAGE_TEST_PG='", StringComparison.Ordinal))
        {
            cs = line["export LSPTRIAGE_TEST_PG='".Length..].TrimEnd('\'');
        }
        if (line.StartsWith("export LSPTRIAGE_TEST_PG_DIR='", StringComparison.Ordinal))
        {
            dir = line["export LSPTRIAGE_TEST_PG_DIR='".Length..].TrimEnd('\'');
        }
    }
    Console.WriteLine($"postgres: throwaway cluster in {dir}");
    return (cs, dir);
}

static string Sh(string script, params string[] args)
{
    var psi = new ProcessStartInfo("bash", [script, .. args]) { RedirectStandardOutput = true };
    using var p = Process.Start(psi)!;
    var output = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0)
    {
        throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed with {p.ExitCode}");
    }
    return output;
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LspTriage.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("LspTriage.sln not found");
}
