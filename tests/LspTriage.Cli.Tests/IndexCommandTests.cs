using System.Text.Json;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

/// <summary><c>lsptriage index</c> and <c>similar --pg</c> against the real test PostgreSQL.</summary>
[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class IndexCommandTests(PostgresFixture pg) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Index_loads_a_history_idempotently_and_similar_searches_it()
    {
        var cs = await pg.CreateDatabaseAsync();
        for (var i = 0; i < 30; i++)
        {
            _dir.Write($"history/{i:D2}.md", $"---\nservice: svc{i % 3}\n---\n# Incident {i}: cache stampede after deploy {i}\n\n## Summary\nRedis restarted; misses hit the database.\n");
        }
        _dir.Write("history/readme.txt", "not markdown");

        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "index", "history", "--pg", cs);
        Assert.Equal(0, exit);
        Assert.Contains("Indexed 30 file(s) into 127.0.0.1:", output);
        Assert.Contains(": 30 new or changed, 0 unchanged, 0 unreadable; the history holds 30 incident(s).", output);

        (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "index", "history", "--pg", cs);
        Assert.Equal(0, exit);
        Assert.Contains(": 0 new or changed, 30 unchanged, 0 unreadable; the history holds 30 incident(s).", output);

        (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "similar", "--text", "Incident 7: cache stampede after deploy 7", "--pg", cs, "--json", "--top", "3");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.StartsWith("PostgreSQL 127.0.0.1:", json.RootElement.GetProperty("store").GetString());
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal("07.md", results[0].GetProperty("id").GetString()); // id = path relative to the folder indexed
        Assert.Equal("svc1", results[0].GetProperty("service").GetString());
    }

    [Fact]
    public async Task Similar_falls_back_to_local_files_when_the_database_is_unreachable()
    {
        _dir.Write("incidents/a.md", "# Gateway certificate expired\n\n## Summary\nTLS handshakes failed.\n");
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "similar", "--text", "gateway certificate expired", "--pg", "Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=2");
        Assert.Equal(0, exit);
        Assert.Contains("unreachable", error);
        Assert.Contains("searching the local incident files instead", error);
        Assert.Contains("Gateway certificate expired", output);
    }
}
