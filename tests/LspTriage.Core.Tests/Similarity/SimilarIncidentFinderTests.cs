using LspTriage.Core.Documents;
using LspTriage.Core.Similarity;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Tests.Similarity;

public sealed class SimilarIncidentFinderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsptriage-finder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, "incidents", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Incident(string title, string summary, string service, string cause) =>
        $"---\nservice: {service}\ncreated: 2026-05-0{title.Length % 9 + 1}T10:00:00Z\nseverity: SEV2\n---\n# {title}\n\n## Summary\n{summary}\n\n## Root cause\n{cause}\n";

    [Fact]
    public async Task Finds_neighbours_of_an_open_document_excluding_itself_and_renders_seed_shaped_markdown()
    {
        var current = Write("2026-06-02-payment-pool.md", Incident("Payment service connection pool exhaustion after batch job deploy", "p99 latency 4.8s, 12% errors, failed checkouts.", "payment-svc", "Cron job full table scan."));
        var past = Write("2025-11-20-payment-pool.md", Incident("Payment service connection pool exhaustion after deploy", "p99 latency 3s, failed checkouts.", "payment-svc", "Leaked connections in v1.9."));
        Write("2025-01-05-disk.md", Incident("Search cluster disk full", "Elasticsearch went read-only.", "search", "Log retention misconfigured."));
        var store = new EmbeddedIncidentStore();
        await store.IndexFoldersAsync([_root]);
        var finder = new SimilarIncidentFinder(store, store.Ids);

        var document = IncidentDocument.Parse(File.ReadAllText(current), current);
        Assert.Equal("incidents/2026-06-02-payment-pool.md", finder.RecordFor(document.Text, document.Path).Id);
        var results = await finder.FindAsync(document);
        var hit = Assert.Single(results);
        Assert.Equal(past, hit.Incident.Path);
        Assert.InRange(hit.Percent, 50, 99);

        var section = SimilarIncidentsRenderer.RenderSection(results, current, store.Name, 0.3);
        Assert.Contains($"- {hit.Percent}% [Payment service connection pool exhaustion after deploy](2025-11-20-payment-pool.md) — payment-svc · 2026-05-", section);
        Assert.Contains("  p99 latency 3s, failed checkouts.", section);
        Assert.Contains($"  same service · wording {hit.LexicalPercent}% (pg_trgm)", section);
        Assert.Contains("  Root cause: Leaked connections in v1.9.", section);

        // The document model reads it back as a generated block whose hash matches its content, under a
        // "Similar past incidents" section.
        var withSection = IncidentDocument.Parse(File.ReadAllText(current) + "\n" + section, current);
        var block = Assert.Single(withSection.GeneratedBlocks);
        Assert.Equal("similar", block.Kind);
        Assert.True(block.IsUnedited(withSection));
        Assert.NotNull(withSection.FindSection(SectionKind.SimilarIncidents));

        var hover = SimilarIncidentsRenderer.RenderHover(results, current, store.Name);
        Assert.Contains($"1. **{hit.Percent}%** [Payment service connection pool exhaustion after deploy](2025-11-20-payment-pool.md) — payment-svc", hover);
        Assert.Contains("Root cause: Leaked connections in v1.9.", hover);
        Assert.Equal($"1 similar incident ({hit.Percent}%)", SimilarIncidentsRenderer.CodeLensTitle(results));
    }

    [Fact]
    public async Task Free_text_search_and_empty_results()
    {
        var store = new EmbeddedIncidentStore();
        var finder = new SimilarIncidentFinder(store);
        Assert.Empty(await finder.FindByTextAsync("anything"));
        Assert.Equal("No similar incidents", SimilarIncidentsRenderer.CodeLensTitle([]));
        Assert.Contains("No past incident reaches 30%.", SimilarIncidentsRenderer.RenderSection([], null, "embedded", 0.3));
        Write("a.md", Incident("数据库连接池耗尽", "支付服务延迟升高。", "pay", "定时任务全表扫描。"));
        await store.IndexFoldersAsync([_root]);
        var zh = await finder.FindByTextAsync("数据库连接池耗尽，支付失败");
        Assert.Equal("数据库连接池耗尽", Assert.Single(zh).Incident.Title);
        Assert.Equal("定时任务全表扫描。", zh[0].Incident.RootCause);
    }
}
