using LspTriage.Core.Similarity.Records;
using Npgsql;
using NpgsqlTypes;

namespace LspTriage.Similarity.Bench;

/// <summary>The throwaway databases both benchmarks load: created fresh, filled by COPY, analysed.</summary>
internal static class BenchDatabase
{
    /// <summary>Drops and creates <paramref name="db"/> (UTF-8, C.UTF-8 as the tests' cluster); its connection string.</summary>
    public static async Task<string> CreateAsync(string admin, string db)
    {
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await ExecAsync(conn, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
            await ExecAsync(conn, $"CREATE DATABASE {db} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'");
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = db }.ConnectionString;
    }

    /// <summary>
    /// Bulk load with COPY (the store's batched upsert is for saves and `lsptriage index`), the migrations' indexes
    /// maintained as rows arrive, as they are in production; then VACUUM ANALYZE.
    /// </summary>
    public static async Task CopyAsync(string cs, IReadOnlyList<IncidentRecord> records)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (var writer = await conn.BeginBinaryImportAsync("COPY lsptriage.incidents (id, title, key, service, incident_date, severity, path, categories, features) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in records)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(r.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Title, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Key, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Service, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Date, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Severity, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Path, NpgsqlDbType.Text);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(r.Features.Terms(r.Service).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        await ExecAsync(conn, "VACUUM ANALYZE lsptriage.incidents");
    }

    public static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
