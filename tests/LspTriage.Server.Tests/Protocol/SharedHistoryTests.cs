using System.Text.Json.Nodes;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Tests.Shared;
using Npgsql;

namespace LspTriage.Server.Tests.Protocol;

/// <summary>
/// A team: many servers start at once on the same workspace and write it through to one shared PostgreSQL history.
/// Each incident must be there once, whoever wrote it first, whatever path each clone has.
/// <c>LSPTRIAGE_SHARED_SERVERS</c> sets how many (the 50 passes; the suite runs 16 to stay quick on 2 cores).
/// </summary>
[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class SharedHistoryTests(PostgresFixture pg) : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Servers_saving_the_same_incidents_at_once_store_each_incident_once()
    {
        var servers = int.TryParse(Environment.GetEnvironmentVariable("LSPTRIAGE_SHARED_SERVERS"), out var n) ? n : 16;
        var files = Directory.GetFiles(RepoPaths.Samples, "*.md").Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToArray();
        // Each engineer has their own clone: the same files under a different absolute path.
        var roots = Enumerable.Range(0, servers).Select(i => Path.Combine(_root.Path, $"clone{i}")).ToArray();
        foreach (var root in roots)
        {
            foreach (var (name, text) in files)
            {
                Directory.CreateDirectory(Path.Combine(root, "incidents"));
                File.WriteAllText(Path.Combine(root, "incidents", name), text);
            }
        }
        var connectionString = await pg.CreateDatabaseAsync();
        var settings = new JsonObject { ["similarity"] = new JsonObject { ["store"] = "postgres", ["connectionString"] = connectionString } };

        var clients = await Task.WhenAll(roots.Select(root =>
            TestLspClient.StartInitializedAsync(rootPath: root, beforeInitialize: c => c.Settings = settings.DeepClone())));
        try
        {
            await Task.WhenAll(clients.Select(c => c.WaitForNotificationAsync("window/logMessage",
                m => ((string?)m["params"]!["message"])!.StartsWith("Similar incidents:", StringComparison.Ordinal), timeoutMs: 60_000)));

            // Everyone saves every incident at once.
            await Task.WhenAll(clients.Select(async (client, i) =>
            {
                foreach (var (name, text) in files)
                {
                    var uri = new Uri(Path.Combine(roots[i], "incidents", name)).AbsoluteUri;
                    await client.OpenAsync(uri, text);
                    await client.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
                }
            }));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var expected = files.Select(f => "incidents/" + f.Name).Order(StringComparer.Ordinal).ToArray();
            var ids = await IdsAsync(connectionString);
            while (ids.Length < expected.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                ids = await IdsAsync(connectionString);
            }
            // Rows only ever grow: give the last upserts time to land, then a duplicate would show as an extra row.
            await Task.Delay(1000);
            ids = await IdsAsync(connectionString);
            Assert.Equal(expected, ids);
            var problems = clients.SelectMany(c => c.Notifications("window/showMessage")).Select(m => (string)m["params"]!["message"]!).Where(m => m.Contains("PostgreSQL", StringComparison.Ordinal)).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }
        }
    }

    private static async Task<string[]> IdsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{PostgresMigrations.Schema}.incidents') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return [];
        }
        await using var cmd = new NpgsqlCommand($"SELECT id FROM {PostgresMigrations.Schema}.incidents ORDER BY id COLLATE \"C\"", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return [.. ids];
    }
}
