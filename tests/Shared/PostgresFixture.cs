using System.Diagnostics;
using Npgsql;

namespace LspTriage.Tests.Shared;

/// <summary>
/// The real PostgreSQL the differential and store tests run against, from <c>LSPTRIAGE_TEST_PG</c> (an Npgsql
/// connection string). Each test run gets its own UTF-8 / C.UTF-8 database, dropped at the end. Without a reachable
/// server every test in the collection fails with a message saying how to start one: these tests are never skipped.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "PostgreSQL";

    private const string HowTo =
        "Start the throwaway cluster and export its settings first:  eval \"$(scripts/postgres-test-cluster.sh start)\"  " +
        "(sets LSPTRIAGE_TEST_PG and LSPTRIAGE_TEST_PGCTL_DATA; `scripts/postgres-test-cluster.sh stop` removes it). " +
        "The repository's test command does this for you.";

    private string? _adminConnectionString;

    public string ConnectionString { get; private set; } = "";

    public string DatabaseName { get; } = "lsptriage_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The data directory <c>pg_ctl</c> needs to stop and start the server (outage test).</summary>
    public string? DataDirectory { get; } = Environment.GetEnvironmentVariable("LSPTRIAGE_TEST_PGCTL_DATA");

    public async Task InitializeAsync()
    {
        var cs = Environment.GetEnvironmentVariable("LSPTRIAGE_TEST_PG");
        if (string.IsNullOrWhiteSpace(cs))
        {
            throw new InvalidOperationException("LSPTRIAGE_TEST_PG is not set. " + HowTo);
        }
        _adminConnectionString = cs;
        try
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"CREATE DATABASE {DatabaseName} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL at LSPTRIAGE_TEST_PG ({Redact(cs)}) is unreachable: {e.Message}. " + HowTo, e);
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(cs) { Database = DatabaseName }.ConnectionString;
        await using (var c = new NpgsqlConnection(ConnectionString))
        {
            await c.OpenAsync();
            await using var ext = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_trgm", c);
            await ext.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null || ConnectionString.Length == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var conn = new NpgsqlConnection(_adminConnectionString);
            await conn.OpenAsync();
            foreach (var db in _extraDatabases.Append(DatabaseName))
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {db} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // The cluster is throwaway; a leftover database dies with it.
        }
    }

    /// <summary>A further fresh database (dropped with the fixture), for tests that need an empty schema.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = DatabaseName + "_" + Interlocked.Increment(ref _extra).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var conn = new NpgsqlConnection(_adminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'", conn);
        await cmd.ExecuteNonQueryAsync();
        _extraDatabases.Add(name);
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    private int _extra;
    private readonly List<string> _extraDatabases = [];

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>Runs <c>pg_ctl stop|start</c> on the test cluster through the cluster script.</summary>
    public void PgCtl(string action)
    {
        Assert.False(string.IsNullOrEmpty(DataDirectory), "LSPTRIAGE_TEST_PGCTL_DATA is not set. " + HowTo);
        var psi = new ProcessStartInfo("bash", [RepoPaths.ClusterScript, "pg_ctl", DataDirectory!, action])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), $"pg_ctl {action} did not finish in 60 s");
        Assert.True(p.ExitCode == 0, $"pg_ctl {action} failed ({p.ExitCode}): {stdout.Result} {stderr.Result}");
    }

    private static string Redact(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        if (b.Password is not null)
        {
            b.Password = "***";
        }
        return b.ConnectionString;
    }
}

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
