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
        Assert.Equal("Similar past incidents (combined match; embedded index of 3 incident(s))", lines[0]);
        Assert.Matches(@"^- +\d+%  Payment service connection pool exhaustion after deploy$", lines[1]);
        Assert.Matches(@"^        .*same service · wording \d+% \(pg_trgm\)$", lines[2]);
        Assert.Equal("        payment-svc · 2026-06-02 · SEV1 · incidents/2025-11-01-pool.md", lines[3]);
        Assert.Equal("        root cause: Cron job full table scan.", lines[4]);
        Assert.DoesNotContain("2026-06-02-pool.md", output);
        Assert.DoesNotContain("disk full", output);
    }

    [Fact]
    public async Task On_a_terminal_the_results_are_a_table_with_the_same_details()
    {
        _dir.Write("incidents/2026-06-02-pool.md", Incident("Payment service connection pool exhaustion after batch job deploy", "Failed checkouts."));
        _dir.Write("incidents/2025-11-01-pool.md", Incident("Payment service connection pool exhaustion after deploy", "Failed checkouts."));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new LspTriage.Cli.Cli.CliIo(output, error, IsTerminal: true, _dir.Path, _ => null, OutIsTerminal: true);
        var exit = await LspTriage.Cli.Cli.CommandLineApp.RunAsync(["similar", "incidents/2026-06-02-pool.md"], io, CancellationToken.None);
        Assert.Equal(0, exit);
        var table = output.ToString();
        Assert.Contains("╭", table);
        Assert.Matches(@"│ \d+% +│ Payment service connection pool exhaustion after deploy", table);
        Assert.Contains("root cause: Cron job full table scan.", table);
        Assert.DoesNotContain("- ", table.Split('\n')[0]);
    }

    [Fact]
    public async Task Lexical_text_query_with_json_output_top_and_threshold()
    {
        _dir.Write("history/a.md", Incident("数据库连接池耗尽", "支付失败。"));
        _dir.Write("history/b.md", Incident("数据库连接池耗尽导致支付失败", "支付失败。"));
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "similar", "--text", "数据库连接池耗尽", "--history", "history", "--json", "--top", "1", "--threshold", "0.2", "--lexical");
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

    [Fact]
    public async Task Json_output_carries_the_combined_score_its_signals_and_reasons()
    {
        _dir.Write("history/pool.md", Incident("Checkout failing: postgres-primary out of connections", "Logs show \"FATAL: sorry, too many clients already\"; active_connections hit max_connections.")
            + "\n## Resolution\nCapped the batch job's pool at 4 connections.\n");
        _dir.Write("history/disk.md", Incident("Search cluster disk full", "Elasticsearch indices went read-only.", "search"));
        var query = "# 支付服务大量 500\n\n日志：\"FATAL: sorry, too many clients already\"，active_connections 达到 max_connections。\n";
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "similar", "--text", query, "--history", "history", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("results")[0];
        Assert.Equal("Checkout failing: postgres-primary out of connections", first.GetProperty("title").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > first.GetProperty("similarity").GetDouble(), output);
        var reasons = first.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains(reasons, r => r!.StartsWith("shared: ", StringComparison.Ordinal) && r.Contains("`FATAL: sorry, too many clients already`", StringComparison.Ordinal));
        Assert.Equal("Capped the batch job's pool at 4 connections.", first.GetProperty("resolution").GetString());
        Assert.True(first.GetProperty("signals").GetProperty("shared").GetDouble() > 0);
    }

    [Fact]
    public async Task Eval_prints_twin_first_and_mrr_per_pair_kind_for_both_rankings()
    {
        _dir.Write("history/2025-03-11-pool.md", Incident("Checkout failing: postgres-primary out of connections", "Logs show \"FATAL: sorry, too many clients already\"; active_connections hit max_connections."));
        _dir.Write("history/2025-04-01-disk.md", Incident("Search cluster disk full", "Elasticsearch indices went read-only; disk watermark exceeded on es-data-3.", "search"));
        _dir.Write("queries/q1.md", "---\nservice: payment-svc\npair: translation\nexpect_similar: 2025-03-11-pool\n---\n# 支付失败，数据库连接耗尽\n\n日志：\"FATAL: sorry, too many clients already\"，active_connections 达到 max_connections。\n");
        _dir.Write("queries/q2.md", "---\npair: unrelated\nexpect_similar: none\n---\n# Marketing site typo\n\nA heading was misspelt on the landing page.\n");
        _dir.Write("queries/notes.md", "# Not labelled\n");
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "similar", "--eval", "queries", "--history", "history");
        Assert.Equal(0, exit);
        Assert.Contains("2 labelled queries against 2 past incidents", output);
        Assert.Contains("pg_trgm alone (threshold 0.3)", output);
        Assert.Matches(@"combined score \(threshold 0\.\d+\)", output);
        Assert.Matches(@"translation +1 +1 +100\.0 % +1\.000", output.Split("combined score")[1]);
        Assert.Contains("notes.md: no 'pair:' label, left out", error);
        var (noHistory, _, usage) = await CliRunner.RunAsync(_dir.Path, "similar", "--eval", "queries");
        Assert.Equal(2, noHistory);
        Assert.Contains("--history", usage);
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
