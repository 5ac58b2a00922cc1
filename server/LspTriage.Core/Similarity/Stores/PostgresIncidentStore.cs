using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LspTriage.Core.Similarity.Records;
using Npgsql;
using NpgsqlTypes;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// A team's shared incident history in PostgreSQL: <c>lsptriage.incidents</c> with GiST <c>gist_trgm_ops</c> indexes on
/// the key (one per shard of the rows), searched by KNN (<c>ORDER BY key &lt;-&gt; @q LIMIT k</c>, see
/// <see cref="SearchAsync"/>). Every statement is parameterised. Connection failures surface as
/// <see cref="IncidentStoreUnavailableException"/>.
/// </summary>
public sealed partial class PostgresIncidentStore : IIncidentStore, IAsyncDisposable
{
    /// <summary>The environment variable read when no connection string is configured.</summary>
    public const string EnvironmentVariable = "LSPTRIAGE_PG";

    internal const string Table = PostgresMigrations.Schema + ".incidents";
    internal const string Columns = "id, title, key, service, incident_date, severity, root_cause, path, categories, features, resolution";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private readonly int _poolSize;
    private bool _migrated;

    [GeneratedRegex(@"max(imum)?\s*pool\s*size", RegexOptions.IgnoreCase)]
    private static partial Regex MaxPoolSizeKeyword();

    /// <summary>The most connections a one-shot search (the CLI's <c>similar --pg</c>) uses at once: one per key index
    /// shard and one for the feature candidates.</summary>
    public const int SearchConnections = PostgresMigrations.KeyIndexShards + 1;

    /// <param name="connectionString">Npgsql connection string; its pool settings win over <paramref name="maxConnections"/>.</param>
    /// <param name="maxConnections">Pool size when the connection string does not set one: 1 for a language server
    /// (see below), <see cref="SearchConnections"/> for a command that searches and exits.</param>
    public PostgresIncidentStore(string connectionString, int maxConnections = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5; // An unreachable server should be noticed in seconds, not the default 15.
        }
        if (!MaxPoolSizeKeyword().IsMatch(connectionString))
        {
            // A team shares one server: every editor's language server holds a pool, and PostgreSQL allows 100
            // connections by default (97 for clients). A store's work is short statements one after another (an
            // upsert on save, a search, a batch of a load), so one connection serves it and fifty engineers fit
            // (SharedHistoryTests); an idle one is returned after a minute. A connection string can say otherwise.
            builder.MaxPoolSize = Math.Max(1, maxConnections);
            builder.ConnectionIdleLifetime = 60;
        }
        _poolSize = builder.MaxPoolSize;
        DisplayName = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The configured connection string, else <c>LSPTRIAGE_PG</c>, else null (no PostgreSQL store).</summary>
    public static string? ResolveConnectionString(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : null;

    public string Name => "postgres";

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string DisplayName { get; }

    /// <summary>Creates or upgrades the schema; safe to call any number of times and from several servers at once.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var applied = await Run(async conn => await PostgresMigrations.ApplyAsync(conn, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            _migrated = true;
            return applied;
        }
        finally
        {
            _migrateLock.Release();
        }
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) =>
        await Run(async conn =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {PostgresMigrations.Schema}.schema_version", conn);
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The best <see cref="SimilarityQuery.Top"/> by pg_trgm similarity: a GiST KNN scan (<c>ORDER BY key &lt;-&gt; q</c>)
    /// of each shard of the key index (migration 7), all at once, fetches a few more than asked from each, and the
    /// threshold and the tie order (similarity, then id) are applied to what they found together. Measured against
    /// GIN <c>%</c> in docs/similarity.md: the KNN scan stops after k rows where <c>%</c> recomputes thousands of
    /// candidates; a query with no near neighbour still reads a whole index, which the shards share out among cores.
    /// When a shard's last row fetched ties with the k-th (more equal scores than the margin), the order among them is
    /// not the scan's to decide: it fetches twice as many until the tie ends (and past 5,000 rows asks
    /// <see cref="SearchByThresholdAsync"/>), so results equal the embedded index's.
    /// </summary>
    public async Task<IReadOnlyList<SimilarIncident>> SearchAsync(SimilarityQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var top = Math.Max(0, query.Top);
        // Ties at the k-th place (copies of one incident score alike) are ordered by id, not by the scan: while the
        // last row fetched still ties with the k-th, fetch twice as many.
        for (var fetch = top + KnnTieMargin; ; fetch *= 2)
        {
            var shards = await NearestInShardsAsync(query, fetch, cancellationToken).ConfigureAwait(false);
            var ranked = shards.SelectMany(h => h).OrderByDescending(h => h.Similarity).ThenBy(h => h.Incident.Id, StringComparer.Ordinal).ToList();
            // A shard that filled its fetch may hold more rows scoring as its last one: only a problem when that is the k-th's score.
            var tiedBeyond = top > 0 && ranked.Count >= top && ranked[top - 1].Similarity >= query.Threshold &&
                shards.Any(h => h.Count == fetch && h.Min(x => x.Similarity) >= ranked[top - 1].Similarity);
            if (!tiedBeyond)
            {
                return ranked.Where(h => h.Similarity >= query.Threshold).Take(top).ToArray();
            }
            if (fetch >= KnnFetchLimit)
            {
                return await SearchByThresholdAsync(query with { Threshold = ranked[top - 1].Similarity }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<List<SimilarIncident>[]> NearestInShardsAsync(SimilarityQuery query, int fetch, CancellationToken cancellationToken)
    {
        var shards = Enumerable.Range(0, PostgresMigrations.KeyIndexShards);
        if (_poolSize >= PostgresMigrations.KeyIndexShards)
        {
            return await Task.WhenAll(shards.Select(shard => NearestAsync(query, shard, fetch, cancellationToken))).ConfigureAwait(false);
        }
        // With fewer connections than shards they would queue for one, and on a large history the last could wait past
        // the connection timeout: one after another instead.
        var found = new List<SimilarIncident>[PostgresMigrations.KeyIndexShards];
        foreach (var shard in shards)
        {
            found[shard] = await NearestAsync(query, shard, fetch, cancellationToken).ConfigureAwait(false);
        }
        return found;
    }

    private Task<List<SimilarIncident>> NearestAsync(SimilarityQuery query, int shard, int fetch, CancellationToken cancellationToken) =>
        Run(async conn =>
        {
            await using var cmd = new NpgsqlCommand(NearestSql[shard], conn);
            AddSearchParameters(cmd, query, fetch);
            return await ReadHitsAsync(cmd, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Each shard's KNN statement; its shard predicate is a literal so the planner can use that shard's index.</summary>
    internal static readonly string[] NearestSql = Enumerable.Range(0, PostgresMigrations.KeyIndexShards).Select(shard =>
        $"""
        SELECT {Columns}, similarity(key, @q) AS sml
        FROM {Table}
        WHERE {PostgresMigrations.KeyShard(shard)}
          AND (@exclude_id::text IS NULL OR id <> @exclude_id)
          AND (@exclude_path::text IS NULL OR path IS DISTINCT FROM @exclude_path)
        ORDER BY key <-> @q
        LIMIT @k
        """).ToArray();

    // Beyond this many tied rows the threshold query is cheaper than more KNN rounds.
    private const int KnnFetchLimit = 5_000;

    // Rows fetched beyond k so that equal scores at the k-th place are ordered by id, not by the scan.
    private const int KnnTieMargin = 5;

    /// <summary>The same answer by <c>key % q ORDER BY similarity DESC, id</c> under the query's threshold (GIN or GiST
    /// as the planner likes): exact whatever the ties, slow when the threshold is low.</summary>
    public async Task<IReadOnlyList<SimilarIncident>> SearchByThresholdAsync(SimilarityQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await Run(async conn =>
        {
            // set_config(..., true) is SET LOCAL: the threshold holds for this transaction only, and unlike SET it
            // takes a parameter.
            await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var set = new NpgsqlCommand("SELECT set_config('pg_trgm.similarity_threshold', @t, true)", conn, tx))
            {
                set.Parameters.AddWithValue("t", query.Threshold.ToString("R", CultureInfo.InvariantCulture));
                await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using var cmd = new NpgsqlCommand(
                $"""
                SELECT {Columns}, similarity(key, @q) AS sml
                FROM {Table}
                WHERE key % @q
                  AND (@exclude_id::text IS NULL OR id <> @exclude_id)
                  AND (@exclude_path::text IS NULL OR path IS DISTINCT FROM @exclude_path)
                ORDER BY sml DESC, id
                LIMIT @k
                """, conn, tx);
            AddSearchParameters(cmd, query, Math.Max(0, query.Top));
            var results = await ReadHitsAsync(cmd, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<SimilarIncident>)results.Where(h => h.Similarity >= query.Threshold).ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void AddSearchParameters(NpgsqlCommand cmd, SimilarityQuery query, int limit)
    {
        cmd.Parameters.AddWithValue("q", query.Key);
        cmd.Parameters.Add(new NpgsqlParameter("exclude_id", NpgsqlDbType.Text) { Value = (object?)query.ExcludeId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("exclude_path", NpgsqlDbType.Text) { Value = (object?)query.ExcludePath ?? DBNull.Value });
        cmd.Parameters.AddWithValue("k", limit);
    }

    private static async Task<List<SimilarIncident>> ReadHitsAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var results = new List<SimilarIncident>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(new SimilarIncident(ReadRecord(reader), reader.GetFloat(ColumnCount)));
        }
        return results;
    }

    /// <summary>Records sharing feature terms (GIN on <c>features</c>, <c>&amp;&amp;</c>), most shared first, and each term's
    /// document frequency.</summary>
    public async Task<FeatureCandidates> FindByFeaturesAsync(SimilarityQuery query, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken = default)
    {
        if (terms.Count == 0)
        {
            return new FeatureCandidates([], Matching.FeatureFrequencies.None);
        }
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await Run(async conn =>
        {
            var termArray = terms.Distinct(StringComparer.Ordinal).ToArray();
            var total = await EstimatedCountAsync(conn, cancellationToken).ConfigureAwait(false);
            var counts = await TermCountsAsync(conn, termArray, Matching.FeatureFrequencies.CommonLimit(total) + 1, cancellationToken).ConfigureAwait(false);
            // Rows sharing a common term are most of the history: only the others find candidates, as in the embedded index.
            var uncommon = termArray.Where(t => counts[t] > 0 && !Matching.FeatureFrequencies.IsCommon(counts[t], total)).ToArray();
            var hits = uncommon.Length == 0 ? [] : await SharingMostAsync(conn, query, uncommon, limit, cancellationToken).ConfigureAwait(false);
            return new FeatureCandidates(hits, new Matching.FeatureFrequencies(counts, (int)Math.Max(total, counts.Values.DefaultIfEmpty(0).Max())));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The planner's row estimate: close enough for a rarity weight, and free at 100,000 rows.</summary>
    private static async Task<long> EstimatedCountAsync(NpgsqlConnection conn, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = '{Table}'::regclass", conn);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long n ? n : 0;
    }

    /// <summary>How many rows carry each term, counted no further than <paramref name="cap"/>: a term every incident
    /// carries would otherwise cost a read of the whole history.</summary>
    private static async Task<Dictionary<string, int>> TermCountsAsync(NpgsqlConnection conn, string[] terms, int cap, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT t, (SELECT count(*) FROM (SELECT 1 FROM {Table} WHERE features @> ARRAY[t] LIMIT $2) c) FROM unnest($1::text[]) AS t", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = terms, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = cap });
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>The rows sharing the most of <paramref name="terms"/>, best first, ties by id (the embedded index's
    /// order), with their similarity to the query's key.</summary>
    private static async Task<List<SimilarIncident>> SharingMostAsync(NpgsqlConnection conn, SimilarityQuery query, string[] terms, int limit, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            $"""
            SELECT {Columns}, similarity(key, $5) AS sml
            FROM (
                SELECT {Columns}, (SELECT count(*) FROM unnest(features) f WHERE f = ANY($1::text[])) AS shared
                FROM {Table}
                WHERE features && $1::text[]
                  AND ($2::text IS NULL OR id <> $2)
                  AND ($3::text IS NULL OR path IS DISTINCT FROM $3)
                ORDER BY shared DESC, id
                LIMIT $4
            ) best -- similarity only for the rows kept: the thousands sharing one term are not compared
            -- (stored terms are distinct, IncidentFeatures.Terms: counting matches is counting shared terms, and a
            -- third cheaper than an INTERSECT per row)
            ORDER BY shared DESC, id
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = terms, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(Nullable(query.ExcludeId));
        cmd.Parameters.Add(Nullable(query.ExcludePath));
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, limit) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = query.Key });
        return await ReadHitsAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upserts keyed by id, in batches; a row whose content is unchanged is not rewritten.</summary>
    public async Task UpsertAsync(IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken = default) =>
        await UpsertCountingAsync(records, cancellationToken).ConfigureAwait(false);

    /// <summary>Like <see cref="UpsertAsync"/>, returning how many rows were inserted or actually changed.</summary>
    public async Task<int> UpsertCountingAsync(IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return 0;
        }
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await Run(conn => UpsertOnAsync(conn, records, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The upsert of <see cref="UpsertCountingAsync"/> on a connection the caller holds (a replica's).</summary>
    internal static async Task<int> UpsertOnAsync(NpgsqlConnection conn, IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var chunk in records.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(conn);
            foreach (var r in chunk)
            {
                var cmd = new NpgsqlBatchCommand(
                    $"""
                    INSERT INTO {Table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    ON CONFLICT (id) DO UPDATE SET
                        title = EXCLUDED.title, key = EXCLUDED.key, service = EXCLUDED.service,
                        incident_date = EXCLUDED.incident_date, severity = EXCLUDED.severity,
                        root_cause = EXCLUDED.root_cause, path = EXCLUDED.path, categories = EXCLUDED.categories,
                        features = EXCLUDED.features, resolution = EXCLUDED.resolution,
                        updated_at = now()
                    WHERE ({Table}.title, {Table}.key, {Table}.service, {Table}.incident_date, {Table}.severity,
                           {Table}.root_cause, {Table}.path, {Table}.categories, {Table}.features, {Table}.resolution)
                      IS DISTINCT FROM
                          (EXCLUDED.title, EXCLUDED.key, EXCLUDED.service, EXCLUDED.incident_date, EXCLUDED.severity,
                           EXCLUDED.root_cause, EXCLUDED.path, EXCLUDED.categories, EXCLUDED.features, EXCLUDED.resolution)
                    """);
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Id });
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Title });
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Key });
                cmd.Parameters.Add(Nullable(r.Service));
                cmd.Parameters.Add(Nullable(r.Date));
                cmd.Parameters.Add(Nullable(r.Severity));
                cmd.Parameters.Add(Nullable(r.RootCause));
                cmd.Parameters.Add(Nullable(r.Path));
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Categories.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Features.Terms(r.Service).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                cmd.Parameters.Add(Nullable(r.Resolution));
                batch.BatchCommands.Add(cmd);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var c in batch.BatchCommands)
            {
                changed += c.RecordsAffected;
            }
        }
        return changed;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await Run(conn => DeleteOnAsync(conn, id, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<bool> DeleteOnAsync(NpgsqlConnection conn, string id, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"DELETE FROM {Table} WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await Run(async conn =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {Table}", conn);
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NpgsqlParameter Nullable(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    /// <summary>A record from the first <see cref="ColumnCount"/> columns, in the order of <c>Columns</c>.</summary>
    internal static IncidentRecord ReadRecord(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetFieldValue<string[]>(8))
    {
        Features = Matching.IncidentFeatures.FromTerms(r.GetFieldValue<string[]>(9)),
        Resolution = r.IsDBNull(10) ? null : r.GetString(10),
    };

    internal const int ColumnCount = 11;

    /// <summary>
    /// A connection from this store's pool for the caller to hold (a replica keeps one open to LISTEN and does all
    /// its reading and writing on it), after migrating. Failures are <see cref="IncidentStoreUnavailableException"/>.
    /// </summary>
    internal async Task<NpgsqlConnection> OpenMigratedConnectionAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await Run(conn => Task.FromResult(conn), cancellationToken, keepOpen: true).ConfigureAwait(false);
    }

    /// <summary>Turns a failure on a connection the caller holds into what <see cref="Run"/> would have thrown.</summary>
    internal Exception Unavailable(Exception e)
    {
        if (!IsUnavailable(e))
        {
            return e;
        }
        _migrated = false;
        _dataSource.Clear();
        return e as IncidentStoreUnavailableException ?? new IncidentStoreUnavailableException($"PostgreSQL at {DisplayName} is unreachable: {e.Message}", e);
    }

    private async Task<T> Run<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken, bool keepOpen = false)
    {
        NpgsqlConnection? conn = null;
        try
        {
            conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(conn).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            _migrated = false; // The server may come back as a new, empty cluster: migrate again on reconnect.
            _dataSource.Clear(); // Pooled connections to a server that went away are dead.
            throw new IncidentStoreUnavailableException($"PostgreSQL at {DisplayName} is unreachable: {e.Message}", e);
        }
        finally
        {
            if (!keepOpen && conn is not null)
            {
                await conn.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Network, server shutdown, authentication and connection-pool failures: the store is unavailable, as
    /// opposed to a bug in a statement (which is rethrown as is).</summary>
    internal static bool IsUnavailable(Exception e) => e switch
    {
        IncidentStoreUnavailableException => false,
        SocketException or TimeoutException or IOException => true,
        NpgsqlException { IsTransient: true } => true,
        PostgresException pe => pe.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
            || pe.SqlState.StartsWith("57P", StringComparison.Ordinal) // admin/crash shutdown, cannot connect now
            || pe.SqlState.StartsWith("28", StringComparison.Ordinal) // invalid authorization
            || pe.SqlState == "3D000", // database does not exist
        NpgsqlException { InnerException: { } inner } => IsUnavailable(inner),
        NpgsqlException => true,
        _ => false,
    };
}
