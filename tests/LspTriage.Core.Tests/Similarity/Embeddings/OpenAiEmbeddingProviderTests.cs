using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity.Embeddings;

public sealed class OpenAiEmbeddingProviderTests
{
    private const string Secret = "sk-test-SECRET-4242";

    /// <summary>A vector that depends on the text: its length and its first letter.</summary>
    private static float[] VectorOf(string text) => [text.Length, text.Length > 0 ? text[0] : 0, 3];

    private static OpenAiEmbeddingProvider Provider(string baseUrl, double timeoutSeconds = 10) =>
        new(new EmbeddingSettings(EmbeddingProviderKind.OpenAi, baseUrl, "bge-m3", Timeout: TimeSpan.FromSeconds(timeoutSeconds)),
            name => name == "LSPTRIAGE_EMBEDDINGS_API_KEY" ? Secret : null);

    [Fact]
    public async Task Good_vectors_come_back_one_per_text_in_order_and_normalised_with_the_key_sent()
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Embeddings(VectorOf));
        using var provider = Provider(server.BaseUrl);

        var vectors = await provider.EmbedAsync(["a", "bbbb", "cc"]);

        Assert.Equal(3, vectors.Count);
        for (var i = 0; i < 3; i++)
        {
            var expected = VectorMath.Normalize(VectorOf(new[] { "a", "bbbb", "cc" }[i]));
            Assert.Equal(expected, vectors[i], new FloatTolerance());
            Assert.Equal(1.0, Math.Sqrt(vectors[i].Sum(x => (double)x * x)), 5);
        }
        Assert.Equal("/v1/embeddings", Assert.Single(server.Paths));
        Assert.Equal(["a", "bbbb", "cc"], FakeOpenAiServer.EmbeddingInputs(server.Bodies[0]));
        Assert.Equal("Bearer " + Secret, server.Authorizations[0]);
        Assert.StartsWith("openai:127.0.0.1:", provider.ModelId);
        Assert.EndsWith("/v1/bge-m3", provider.ModelId);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[\"x\"]}]}")]
    [InlineData("{\"object\":\"list\",\"data\":[]}")]
    [InlineData("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0,0,0]}]}")]
    public async Task A_garbage_answer_is_one_clear_error(string body)
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Raw(body));
        using var provider = Provider(server.BaseUrl);

        var e = await Assert.ThrowsAsync<EmbeddingException>(() => provider.EmbedAsync(["one text"]));
        Assert.Contains("127.0.0.1", e.Message);
        Assert.DoesNotContain(Secret, e.Message);
    }

    [Fact]
    public async Task A_server_error_names_the_status_once_without_retrying()
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Status(500));
        using var provider = Provider(server.BaseUrl);

        var e = await Assert.ThrowsAsync<EmbeddingException>(() => provider.EmbedAsync(["text"]));
        Assert.Contains("HTTP 500", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_silent_endpoint_times_out_with_the_timeout_in_the_message()
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Embeddings(VectorOf, DelayMs: 5000));
        using var provider = Provider(server.BaseUrl, timeoutSeconds: 0.5);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<EmbeddingException>(() => provider.EmbedAsync(["text"]));
        Assert.Contains("did not answer within 0.5 s", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Url_credentials_and_the_key_never_reach_a_message()
    {
        using var server = new FakeOpenAiServer(new FakeOpenAiServer.Status(401));
        using var provider = Provider($"http://alice:hunter2pass@127.0.0.1:{server.Port}/v1");

        var e = await Assert.ThrowsAsync<EmbeddingException>(() => provider.EmbedAsync(["text"]));
        Assert.Contains("rejected the API key", e.Message);
        Assert.DoesNotContain("hunter2pass", e.Message);
        Assert.DoesNotContain(Secret, e.Message);
        Assert.DoesNotContain("hunter2pass", provider.ModelId);

        var bad = Assert.Throws<EmbeddingException>(() => Provider("ftp://bob:pw-secret@example.org/v1"));
        Assert.DoesNotContain("pw-secret", bad.Message);
        var noKey = Assert.Throws<EmbeddingException>(() =>
            new OpenAiEmbeddingProvider(new EmbeddingSettings(EmbeddingProviderKind.OpenAi, "https://embeddings.example.org/v1"), _ => null));
        Assert.Contains("No API key", noKey.Message);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_clear_error()
    {
        var port = FakeOpenAiServer.FreePort();
        using var provider = Provider($"http://127.0.0.1:{port}/v1");

        var e = await Assert.ThrowsAsync<EmbeddingException>(() => provider.EmbedAsync(["text"]));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
    }

    private sealed class FloatTolerance : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-5;

        public int GetHashCode(float obj) => 0;
    }
}
