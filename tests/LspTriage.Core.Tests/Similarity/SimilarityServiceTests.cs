using LspTriage.Core.Documents;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Core.Tests.Similarity.Support;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

[Collection(PostgresFixture.Collection)]
[Trait("Category", "Postgres")]
public sealed class SimilarityServiceTests(PostgresFixture pg) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsptriage-service-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string title, string summary)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\nservice: svc\n---\n# {title}\n\n## Summary\n{summary}\n");
        return path;
    }

    [Fact]
    public async Task Embedded_service_indexes_workspace_incidents_and_every_history_file()
    {
        var current = Write("ws/incidents/now.md", "Payment pool exhausted after deploy", "Too many clients.");
        Write("ws/docs/notes.md", "Payment pool exhausted after deploy", "Not an incident path.");
        var old = Write("history/2024/old.md", "Payment pool exhausted after a deploy", "Too many clients.");
        await using var service = SimilarityService.Create(new SimilaritySettings { HistoryFolders = [Path.Combine(_root, "history")] });
        var report = await service.IndexAsync([Path.Combine(_root, "ws")]);
        Assert.Equal(2, report.Indexed);

        var found = await service.FindAsync(IncidentDocument.Parse(File.ReadAllText(current), current));
        Assert.Equal(old, Assert.Single(found).Incident.Path);
        Assert.Same(service.Embedded, service.Store);
    }

    [Fact]
    public async Task Postgres_service_upserts_on_save_and_searches_the_shared_history()
    {
        var cs = await pg.CreateDatabaseAsync();
        var a = Write("ws/incidents/a.md", "Gateway certificate expired", "TLS handshakes failed.");
        var b = Write("ws/incidents/b.md", "Gateway certificate expired again", "TLS handshakes failed.");
        var events = new List<IncidentStoreStatus>();
        await using var service = SimilarityService.Create(new SimilaritySettings { Store = "postgres", ConnectionString = cs, StateFolder = Path.Combine(_root, "state") });
        service.StatusChanged += (_, e) => events.Add(e);
        await service.IndexAsync([Path.Combine(_root, "ws")]);
        Assert.Equal("postgres", service.Store.Name);
        await service.Shared!.Loaded.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await service.Store.CountAsync()); // only saves reach the shared history

        await service.OnSavedAsync(File.ReadAllText(a), a);
        await service.OnSavedAsync(File.ReadAllText(a), a); // idempotent
        await using var direct = new PostgresIncidentStore(cs);
        Assert.Equal(1, await direct.CountAsync());
        var hit = Assert.Single(await service.FindAsync(IncidentDocument.Parse(File.ReadAllText(b), b)));
        Assert.Equal("incidents/a.md", hit.Incident.Id);
        Assert.Empty(events);
    }
}
