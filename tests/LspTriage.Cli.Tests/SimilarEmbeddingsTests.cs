using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

/// <summary><c>similar --embeddings ...</c>: the third eval column, the vector cache across runs, and one line (not a
/// failure) when the provider cannot work.</summary>
public sealed class SimilarEmbeddingsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Incident(string title, string summary, string service = "payment-svc") =>
        $"---\nservice: {service}\ncreated: 2026-06-02T10:00:00Z\nseverity: SEV1\n---\n# {title}\n\n## Summary\n{summary}\n";

    private void WriteLabelledSet()
    {
        _dir.Write("history/2025-03-11-pool.md", Incident("Checkout failing: postgres-primary out of connections", "Logs show \"FATAL: sorry, too many clients already\"; active_connections hit max_connections."));
        _dir.Write("history/2025-04-01-disk.md", Incident("Search cluster disk full", "Elasticsearch indices went read-only; disk watermark exceeded on es-data-3.", "search"));
        _dir.Write("queries/q1.md", "---\nservice: payment-svc\npair: paraphrase\nexpect_similar: 2025-03-11-pool\n---\n# Payments down: the primary database refused new connections\n\nThe app logged \"FATAL: sorry, too many clients already\" once max_connections was reached.\n");
        _dir.Write("queries/q2.md", "---\npair: unrelated\nexpect_similar: none\n---\n# Marketing site typo\n\nA heading was misspelt on the landing page.\n");
    }

    [Fact]
    public async Task Eval_with_an_onnx_model_prints_the_combined_plus_vectors_column_and_caches_the_vectors()
    {
        WriteLabelledSet();
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "similar", "--eval", "queries", "--history", "history",
            "--embeddings", "onnx", "--model-path", MiniLmModel.Folder, "--vector-cache", "cache");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("combined score (threshold", output);
        var vectors = output.Split("combined + vectors (onnx:")[1];
        Assert.Matches(@"paraphrase +1 +1 +100\.0 % +1\.000", vectors);
        Assert.Contains("vectors alone (cosine; diagnostic)", output);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "cache"), "vectors-*.bin"));
    }

    [Fact]
    public async Task A_second_search_reads_the_vectors_from_the_cache_instead_of_the_endpoint()
    {
        WriteLabelledSet();
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Embeddings(text => [text.Length % 7 + 1, text.Contains("connections") ? 5 : 0, 1]));
        string[] args = ["similar", "queries/q1.md", "--history", "history", "--embeddings", "openai", "--embeddings-url", server.BaseUrl, "--embeddings-model", "bge-m3", "--vector-cache", "cache"];

        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, args);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith("Similar past incidents (combined match with vectors;", output);
        var asked = server.RequestCount;
        Assert.True(asked >= 1);

        var (again, output2, _) = await CliRunner.RunAsync(_dir.Path, args);
        Assert.Equal(0, again);
        Assert.Equal(output, output2);
        Assert.Equal(asked, server.RequestCount); // every vector came from the cache file
    }

    [Fact]
    public async Task A_provider_that_cannot_work_is_one_line_and_the_ranking_is_the_one_without_vectors()
    {
        WriteLabelledSet();
        var (plainExit, plain, _) = await CliRunner.RunAsync(_dir.Path, "similar", "queries/q1.md", "--history", "history");
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Status(503));

        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "similar", "queries/q1.md", "--history", "history",
            "--embeddings", "openai", "--embeddings-url", server.BaseUrl, "--vector-cache", "cache");
        Assert.Equal(0, plainExit);
        Assert.Equal(0, exit);
        Assert.Equal(plain, output);
        var line = Assert.Single(error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Semantic vectors are off", line);
        Assert.Contains("HTTP 503", line);

        var (missing, output3, error3) = await CliRunner.RunAsync(_dir.Path, "similar", "queries/q1.md", "--history", "history",
            "--embeddings", "onnx", "--model-path", "no-such-model");
        Assert.Equal(0, missing);
        Assert.Equal(plain, output3);
        Assert.Contains("does not exist", error3);

        var (usage, _, bad) = await CliRunner.RunAsync(_dir.Path, "similar", "queries/q1.md", "--embeddings", "word2vec");
        Assert.Equal(2, usage);
        Assert.Contains("--embeddings must be none, openai or onnx", bad);
    }
}
