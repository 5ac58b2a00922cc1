using System.Text.Json;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

public sealed class SimilarCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Incident(string title, string summary, string service = "payment-svc") =>
        $"---\nservice: {service}\ncreated: 2026-06-02T10:00:00Z\nseverity: SEV1\n---\n# {title}\n\n## Summary\n{summary}\n\n## Root cause\nCron job full table scan.\n";

    [Fact]
    public async Task Lists_similar_incidents_best_first_leaving_out_the_file_itself()
    {
        _dir.Write("incidents/2026-06-02-pool.md", Incident("Payment service connection pool exhaustion after batch job deploy", "Failed checkouts."));
        _dir.Write("incidents/2025-11-01-pool.md", Incident("Payment service connection pool exhaustion after deploy", "Failed checkouts."));
        _dir.Write("incidents/2025-01-01-disk.md", Incident("Search cluster disk full", "Read-only indices.", "search"));
        _dir.Write("docs/notes.md", Incident("Payment service connection pool exhaustion after batch job deploy", "Not an incident file."));

        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "similar", "incidents/2026-06-02-pool.md");
        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Similar past incidents (lexical match, pg_trgm; embedded index of 3 incident(s))", lines[0]);
        Assert.Matches(@"^- +\d+%  Payment service connection pool exhaustion after deploy$", lines[1]);
        Assert.Equal("        payment-svc · 2026-06-02 · SEV1 · incidents/2025-11-01-pool.md", lines[2]);
        Assert.Equal("        root cause: Cron job full table scan.", lines[3]);
        Assert.DoesNotContain("2026-06-02-pool.md", output);
        Assert.DoesNotContain("disk full", output);
    }

    [Fact]
    public async Task Text_query_with_json_output_top_and_threshold()
    {
        _dir.Write("history/a.md", Incident("数据库连接池耗尽", "支付失败。"));
        _dir.Write("history/b.md", Incident("数据库连接池耗尽导致支付失败", "支付失败。"));
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "similar", "--text", "数据库连接池耗尽", "--history", "history", "--json", "--top", "1", "--threshold", "0.2");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(1, results.GetArrayLength());
        Assert.Equal("数据库连接池耗尽", results[0].GetProperty("title").GetString());
        // The key is title + summary: "数据库连接池耗尽 支付失败。" against the query's trigrams.
        var similarity = results[0].GetProperty("similarity").GetDouble();
        Assert.Equal((double)LspTriage.Core.Similarity.Trigrams.PgTrgm.Similarity("数据库连接池耗尽", "数据库连接池耗尽 支付失败。"), similarity, 6);
        Assert.Equal((int)Math.Round(similarity * 100), results[0].GetProperty("percent").GetInt32());
        Assert.Equal("embedded index of 2 incident(s)", json.RootElement.GetProperty("store").GetString());
    }

    [Theory]
    [InlineData("similar")]
    [InlineData("similar", "a.md", "--text", "x")]
    [InlineData("similar", "--text", "x", "--threshold", "2")]
    [InlineData("similar", "--text", "x", "--history", "no-such-folder")]
    [InlineData("index", "somewhere")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, args);
        Assert.Equal(2, exit);
        Assert.Contains("Usage: lsptriage " + args[0], error);
    }
}
