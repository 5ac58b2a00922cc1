using LspTriage.Core.Similarity.Records;
using Npgsql;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// What a local replica reads from <c>lsptriage.incidents</c>, on the one connection it holds: the whole history
/// (streamed in batches) and the rows written since an <c>updated_at</c> watermark. Each call is one statement, so it
/// sees one snapshot.
/// </summary>
internal static class PostgresReplicaQueries
{
    /// <summary>Every row, handed over in batches as they arrive; returns the row count and the newest
    /// <c>updated_at</c> seen (the watermark to follow from).</summary>
    public static async Task<(int Rows, DateTime? Watermark)> ReadAllAsync(NpgsqlConnection conn, int batchSize, Func<List<IncidentRecord>, Task> onBatch, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {PostgresIncidentStore.Columns}, updated_at FROM {PostgresIncidentStore.Table}", conn);
        return await ReadAsync(cmd, batchSize, onBatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows whose <c>updated_at</c> is after <paramref name="since"/>, and the newest <c>updated_at</c> among them.</summary>
    public static async Task<(List<IncidentRecord> Records, DateTime? Watermark)> ReadChangedSinceAsync(NpgsqlConnection conn, DateTime since, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {PostgresIncidentStore.Columns}, updated_at FROM {PostgresIncidentStore.Table} WHERE updated_at > $1", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(since, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var all = new List<IncidentRecord>();
        var (_, watermark) = await ReadAsync(cmd, int.MaxValue, batch =>
        {
            all.AddRange(batch);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return (all, watermark);
    }

    private static async Task<(int Rows, DateTime? Watermark)> ReadAsync(NpgsqlCommand cmd, int batchSize, Func<List<IncidentRecord>, Task> onBatch, CancellationToken cancellationToken)
    {
        DateTime? newest = null;
        var rows = 0;
        var batch = new List<IncidentRecord>(Math.Min(batchSize, 4096));
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(PostgresIncidentStore.ReadRecord(reader));
                var updated = reader.GetDateTime(PostgresIncidentStore.ColumnCount);
                if (newest is null || updated > newest)
                {
                    newest = updated;
                }
                rows++;
                if (batch.Count >= batchSize)
                {
                    await onBatch(batch).ConfigureAwait(false);
                    batch = new List<IncidentRecord>(Math.Min(batchSize, 4096));
                }
            }
        }
        if (batch.Count > 0)
        {
            await onBatch(batch).ConfigureAwait(false);
        }
        return (rows, newest);
    }
}
