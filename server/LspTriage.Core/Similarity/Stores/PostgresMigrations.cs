using Npgsql;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// The PostgreSQL store's schema, as numbered migrations applied in order, each once, recorded in
/// <c>lsptriage.schema_version</c>. Concurrent servers serialise on a transaction-scoped advisory lock, so running them
/// again (every server start does) is harmless.
/// </summary>
internal static class PostgresMigrations
{
    public const string Schema = "lsptriage";

    // Arbitrary constant for pg_advisory_xact_lock: "LSPT" in ASCII.
    private const long AdvisoryLockKey = 0x4C535054;

    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> All =
    [
        (1, "incidents table",
            $"""
            CREATE TABLE {Schema}.incidents (
                id           text PRIMARY KEY,
                title        text NOT NULL,
                key          text NOT NULL,
                service      text,
                incident_date text,
                severity     text,
                root_cause   text,
                path         text,
                categories   text[] NOT NULL DEFAULT ARRAY[]::text[],
                updated_at   timestamptz NOT NULL DEFAULT now()
            )
            """),
        (2, "trigram index on the similarity key",
            $"CREATE INDEX incidents_key_trgm ON {Schema}.incidents USING gin (key gin_trgm_ops)"),
        (3, "match features (signatures, identifiers, service) and resolution",
            $"""
            ALTER TABLE {Schema}.incidents ADD COLUMN features text[] NOT NULL DEFAULT ARRAY[]::text[];
            ALTER TABLE {Schema}.incidents ADD COLUMN resolution text;
            CREATE INDEX incidents_features ON {Schema}.incidents USING gin (features)
            """),
        (4, "semantic vector cache by content hash and model (Similarity/Embeddings/PostgresVectorCache)",
            $"""
            CREATE TABLE {Schema}.incident_vectors (
                content_hash text NOT NULL,
                model        text NOT NULL,
                vector       real[] NOT NULL,
                created_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (content_hash, model)
            )
            """),
        (5, "change feed for local replicas: updated_at index and NOTIFY on every written or deleted row",
            $"""
            CREATE INDEX incidents_updated_at ON {Schema}.incidents (updated_at);
            CREATE FUNCTION {Schema}.notify_incident_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                -- Identical payloads in one transaction reach listeners once: a batch of upserts is one 'upsert'.
                -- A delete names its id (a payload must stay under 8000 bytes; a longer id says only 'delete').
                PERFORM pg_notify('{ReplicaChannel}', CASE
                    WHEN TG_OP <> 'DELETE' THEN 'upsert'
                    WHEN octet_length(OLD.id) < 7000 THEN 'delete:' || OLD.id
                    ELSE 'delete' END);
                RETURN NULL;
            END $$;
            CREATE TRIGGER incidents_notify AFTER INSERT OR UPDATE OR DELETE ON {Schema}.incidents
                FOR EACH ROW EXECUTE FUNCTION {Schema}.notify_incident_change()
            """),
        (6, "GiST trigram index for top-k by KNN (key <-> q): measured faster than GIN % at 100,000 incidents",
            // siglen 256: keys of ~300 characters have ~250 trigrams, which saturate the default 12-byte signature of
            // the inner pages, and a saturated signature prunes nothing (docs/similarity.md has the figures).
            $"CREATE INDEX incidents_key_gist ON {Schema}.incidents USING gist (key gist_trgm_ops(siglen=256))"),
        (7, $"the GiST trigram index split in {KeyIndexShards} by id hash, searched at once: a query without near neighbours reads the whole index, and {KeyIndexShards} backends read it on {KeyIndexShards} cores",
            $"DROP INDEX IF EXISTS {Schema}.incidents_key_gist;\n{KeyIndexSql}"),
    ];

    /// <summary>Creates the key index's shards (migration 7; the benchmark builds them again after a bulk load).</summary>
    public static string KeyIndexSql => string.Concat(Enumerable.Range(0, KeyIndexShards).Select(s =>
        $"CREATE INDEX incidents_key_gist_{s} ON {Schema}.incidents USING gist (key gist_trgm_ops(siglen=256)) WHERE {KeyShard(s)};\n"));

    /// <summary>Drops the key index's shards.</summary>
    public static string DropKeyIndexSql => string.Concat(Enumerable.Range(0, KeyIndexShards).Select(s => $"DROP INDEX IF EXISTS {Schema}.incidents_key_gist_{s};\n"));

    /// <summary>How many partial GiST indexes split the key index (migration 7).</summary>
    public const int KeyIndexShards = 4;

    /// <summary>
    /// The predicate of shard <paramref name="shard"/>'s partial index, the same text in a query so that the planner
    /// picks that index. Every row is in exactly one shard (the low bits of its id's hash).
    /// </summary>
    public static string KeyShard(int shard) => $"(hashtext(id) & {KeyIndexShards - 1}) = {shard}";

    /// <summary>The channel migration 5's trigger notifies on; local replicas LISTEN to it.</summary>
    public const string ReplicaChannel = "lsptriage_incidents";

    public static int Latest => All[^1].Version;

    /// <summary>Applies what is missing; returns the versions applied by this call (empty when up to date).</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx, "CREATE EXTENSION IF NOT EXISTS pg_trgm", cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx, $"CREATE SCHEMA IF NOT EXISTS {Schema}", cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx,
            $"CREATE TABLE IF NOT EXISTS {Schema}.schema_version (version int PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var cmd = new NpgsqlCommand($"SELECT version FROM {Schema}.schema_version", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var now = new List<int>();
        foreach (var (version, description, sql) in All)
        {
            if (applied.Contains(version))
            {
                continue;
            }
            await ExecAsync(connection, tx, sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand($"INSERT INTO {Schema}.schema_version (version, description) VALUES (@v, @d)", connection, tx);
            record.Parameters.AddWithValue("v", version);
            record.Parameters.AddWithValue("d", description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            now.Add(version);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return now;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
