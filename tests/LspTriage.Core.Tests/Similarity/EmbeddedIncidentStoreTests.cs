using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Tests.Similarity;

public sealed class EmbeddedIncidentStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsptriage-sim-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string title, string summary)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\nservice: svc\n---\n# {title}\n\n## Summary\n{summary}\n");
        return path;
    }

    private static SimilarityQuery Query(string text) => new(text, Top: 10, Threshold: 0.3);

    [Fact]
    public async Task Create_change_delete_and_rename_keep_the_index_right()
    {
        var pool = Write("incidents/pool.md", "Payment connection pool exhausted", "Too many clients after the batch deploy.");
        Write("incidents/disk.md", "Search cluster disk full", "Elasticsearch nodes ran out of disk space.");
        Write("notes/readme.txt", "not markdown", "ignored");
        var store = new EmbeddedIncidentStore();
        var progress = new List<IndexProgress>();
        var report = await store.IndexFoldersAsync([_root], new SyncProgress(progress.Add));
        Assert.Equal(2, report.Indexed);
        Assert.Equal(2, progress[^1].Done);
        Assert.Equal(pool, Assert.Single(await store.SearchAsync(Query("Payment connection pool exhausted"))).Incident.Path);

        // Create.
        var cert = Write("incidents/cert.md", "Gateway certificate expired", "TLS handshakes failed at the edge.");
        await store.OnFileChangedAsync(cert);
        Assert.Equal(3, store.Count);
        Assert.Equal(cert, (await store.SearchAsync(Query("gateway certificate expired")))[0].Incident.Path);

        // Change: the old key is gone, the new one is found.
        Write("incidents/pool.md", "Ledger replication lag", "Replica fell behind the primary.");
        await store.OnFileChangedAsync(pool);
        Assert.Equal(3, store.Count);
        Assert.DoesNotContain(await store.SearchAsync(Query("Payment connection pool exhausted")), r => r.Incident.Path == pool);
        Assert.Equal(pool, (await store.SearchAsync(Query("ledger replication lag")))[0].Incident.Path);

        // Rename.
        var moved = Path.Combine(_root, "incidents", "2026", "lag.md");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.Move(pool, moved);
        await store.OnFileRenamedAsync(pool, moved);
        Assert.Equal(3, store.Count);
        Assert.Equal(moved, (await store.SearchAsync(Query("ledger replication lag")))[0].Incident.Path);
        Assert.Equal("incidents/2026/lag.md", store.Records().Single(r => r.Title == "Ledger replication lag").Id);

        // Delete a file, then a folder.
        File.Delete(cert);
        store.OnFileDeleted(cert);
        Assert.Empty(await store.SearchAsync(Query("gateway certificate expired")));
        Directory.Delete(Path.Combine(_root, "incidents", "2026"), recursive: true);
        store.OnFileDeleted(Path.Combine(_root, "incidents", "2026"));
        Assert.Equal(1, store.Count);
        Assert.Equal("Search cluster disk full", Assert.Single(store.Records()).Title);
    }

    [Fact]
    public async Task The_current_document_is_excluded_by_id_or_path()
    {
        var a = Write("incidents/a.md", "Payment pool exhausted after deploy", "Too many clients.");
        var b = Write("incidents/b.md", "Payment pool exhausted after a deploy", "Too many clients.");
        var store = new EmbeddedIncidentStore();
        await store.IndexFoldersAsync([_root]);
        var key = store.Records().Single(r => r.Path == a).Key;
        Assert.Equal(2, (await store.SearchAsync(Query(key))).Count);
        Assert.Equal(b, Assert.Single(await store.SearchAsync(Query(key) with { ExcludePath = a })).Incident.Path);
        Assert.Equal(b, Assert.Single(await store.SearchAsync(Query(key) with { ExcludeId = "incidents/a.md" })).Incident.Path);
    }

    [Fact]
    public async Task Ids_are_relative_to_the_folder_indexed_and_one_record_per_path()
    {
        var a = Write("incidents/a.md", "Payment pool exhausted", "Too many clients.");
        var store = new EmbeddedIncidentStore();
        await store.IndexFoldersAsync([_root]);
        Assert.Equal("incidents/a.md", Assert.Single(store.Records()).Id);
        Assert.Equal("incidents/a.md", store.RecordFor(File.ReadAllText(a), a).Id);

        // The file gains a front matter id: same path, new id, still one record.
        File.WriteAllText(a, "---\nid: INC-7\n---\n# Payment pool exhausted\n");
        await store.OnFileChangedAsync(a);
        Assert.Equal("INC-7", Assert.Single(store.Records()).Id);
        // Upserting a record for the same path under yet another id (e.g. through the fallback store) replaces it too.
        await store.UpsertAsync([store.RecordFor(File.ReadAllText(a), a) with { Id = "other" }]);
        Assert.Equal("other", Assert.Single(store.Records()).Id);
        store.OnFileDeleted(a);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task A_file_that_stops_being_an_incident_leaves_the_index()
    {
        var a = Write("incidents/a.md", "Payment pool exhausted", "x");
        var store = new EmbeddedIncidentStore(p => p.Contains("/incidents/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal));
        await store.IndexFoldersAsync([_root]);
        Assert.Equal(1, store.Count);
        await store.OnFileChangedAsync(Path.Combine(_root, "other", "x.md")); // not ours, not there: no effect
        Assert.Equal(1, store.Count);
        File.Delete(a);
        await store.OnFileChangedAsync(a); // a change event for a file that no longer exists
        Assert.Equal(0, store.Count);
    }

    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
