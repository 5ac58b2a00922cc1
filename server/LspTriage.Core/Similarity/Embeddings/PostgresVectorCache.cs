using LspTriage.Core.Similarity.Stores;
using Npgsql;

namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>
/// The shared history's vector cache: <c>lsptriage.incident_vectors(content_hash, model, vector real[])</c> (migration
/// 4), so a team computes each incident's vector once per model. Its own small pool (one connection, as the incident
/// store's), the same migrations. A failing database is a cache miss: the vectors are computed (and kept in memory by
/// the caller's other cache) and ranking goes on.
/// </summary>
public sealed class PostgresVectorCache : IVectorCache, IAsyncDisposable
{
    private const string Table = PostgresMigrations.Schema + ".incident_vectors";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private bool _migrated;

    public PostgresVectorCache(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = 1;
            builder.ConnectionIdleLifetime = 60;
        }
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The last failure (for a log line), or null.</summary>
    public string? LastProblem { get; private set; }

    public async Task<IReadOnlyDictionary<string, float[]>> GetAsync(string model, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (hashes.Count == 0)
        {
            return found;
        }
        await TryAsync(async conn =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT content_hash, vector FROM {Table} WHERE model = @m AND content_hash = ANY(@h)", conn);
            cmd.Parameters.AddWithValue("m", model);
            cmd.Parameters.AddWithValue("h", hashes.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[reader.GetString(0)] = reader.GetFieldValue<float[]>(1);
            }
        }, cancellationToken).ConfigureAwait(false);
        return found;
    }

    public Task PutAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken = default) =>
        vectors.Count == 0 ? Task.CompletedTask : TryAsync(async conn =>
        {
            // One round trip for the batch; a vector another server stored meanwhile is the same vector: keep it.
            await using var batch = new NpgsqlBatch(conn);
            foreach (var (hash, vector) in vectors)
            {
                var cmd = new NpgsqlBatchCommand($"INSERT INTO {Table} (content_hash, model, vector) VALUES (@h, @m, @v) ON CONFLICT (content_hash, model) DO NOTHING");
                cmd.Parameters.AddWithValue("h", hash);
                cmd.Parameters.AddWithValue("m", model);
                cmd.Parameters.AddWithValue("v", vector);
                batch.BatchCommands.Add(cmd);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private async Task TryAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (!_migrated)
            {
                await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!_migrated)
                    {
                        await PostgresMigrations.ApplyAsync(conn, cancellationToken).ConfigureAwait(false);
                        _migrated = true;
                    }
                }
                finally
                {
                    _migrateLock.Release();
                }
            }
            await work(conn).ConfigureAwait(false);
            LastProblem = null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException or InvalidCastException)
        {
            LastProblem = e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migrateLock.Dispose();
    }
}
