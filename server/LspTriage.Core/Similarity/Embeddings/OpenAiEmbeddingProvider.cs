using System.ClientModel;
using System.ClientModel.Primitives;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Redaction;
using OpenAI;
using OpenAI.Embeddings;

namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>
/// Vectors from any OpenAI-compatible <c>/v1/embeddings</c> endpoint (OpenAI, a local Ollama or vLLM serving bge-m3 or
/// multilingual-e5, …) through the official SDK, as the LLM analyzer talks to chat completions: the key comes from the
/// environment (<c>LSPTRIAGE_EMBEDDINGS_API_KEY</c>, then <c>LSPTRIAGE_LLM_API_KEY</c>, then <c>OPENAI_API_KEY</c>;
/// none is needed on a loopback address), one deadline bounds each call, and no message carries the key or the URL's
/// user info. No retries: when the endpoint fails the caller ranks without vectors rather than waiting.
/// </summary>
public sealed class OpenAiEmbeddingProvider : IEmbeddingProvider
{
    public const string DefaultModel = "text-embedding-3-small";

    // Endpoints cap the inputs of one request (OpenAI: 2048); smaller batches also keep one slow call short.
    private const int BatchSize = 64;

    private readonly EmbeddingClient _client;
    private readonly Uri _baseUrl;
    private readonly string _model;
    private readonly TimeSpan _timeout;

    public OpenAiEmbeddingProvider(EmbeddingSettings settings, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v.Trim() : null;
        var baseUrl = settings.BaseUrl is { Length: > 0 } b ? b.Trim() : "https://api.openai.com/v1";
        if (!OpenAiCompatibleEndpoint.TryParseBaseUrl(baseUrl, out var uri))
        {
            throw new EmbeddingException($"The embeddings base URL '{UrlCredentials.Strip(baseUrl)}' is not an http(s) URL. Set lspTriage.similarity.embeddings.baseUrl (e.g. http://localhost:11434/v1).");
        }
        var key = Env("LSPTRIAGE_EMBEDDINGS_API_KEY") ?? Env("LSPTRIAGE_LLM_API_KEY") ?? Env("OPENAI_API_KEY");
        if (key is null && OpenAiCompatibleEndpoint.NeedsKey(uri))
        {
            throw new EmbeddingException($"No API key for the embeddings endpoint {uri.Host}. Set LSPTRIAGE_EMBEDDINGS_API_KEY (or OPENAI_API_KEY).");
        }
        _baseUrl = uri;
        _model = settings.Model is { Length: > 0 } m ? m.Trim() : DefaultModel;
        _timeout = settings.EffectiveTimeout;
        var options = new OpenAIClientOptions
        {
            Endpoint = uri,
            NetworkTimeout = _timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "lsptriage",
        };
        _client = new EmbeddingClient(_model, new ApiKeyCredential(key ?? "none"), options);
        ModelId = $"openai:{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}/{_model}";
    }

    public string ModelId { get; }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            result.AddRange(await EmbedBatchAsync(batch, cancellationToken).ConfigureAwait(false));
        }
        return result;
    }

    private async Task<float[][]> EmbedBatchAsync(string[] batch, CancellationToken cancellationToken)
    {
        var where = UrlCredentials.Authority(_baseUrl);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        OpenAIEmbeddingCollection answer;
        try
        {
            answer = await _client.GenerateEmbeddingsAsync(batch, cancellationToken: deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Translate(e, where) is { } translated)
        {
            throw translated;
        }
        var vectors = new float[batch.Length][];
        foreach (var embedding in answer)
        {
            if (embedding.Index < 0 || embedding.Index >= batch.Length || vectors[embedding.Index] is not null)
            {
                throw new EmbeddingException($"{where} answered an embedding for input {embedding.Index} of {batch.Length}: not a usable embeddings answer.");
            }
            vectors[embedding.Index] = VectorMath.Normalize(embedding.ToFloats().ToArray());
        }
        var problem = vectors.Any(v => v is null) ? "some inputs got no vector" : VectorMath.Problem(vectors, batch.Length);
        if (problem is not null)
        {
            throw new EmbeddingException($"{where} answered unusable embeddings ({problem}) for model '{_model}'.");
        }
        return vectors;
    }

    private EmbeddingException? Translate(Exception e, string where) => e switch
    {
        EmbeddingException x => x,
        ClientResultException { Status: 401 or 403 } c => new($"{where} rejected the API key for embeddings (HTTP {c.Status}). Check LSPTRIAGE_EMBEDDINGS_API_KEY.", e),
        ClientResultException { Status: 404 } => new($"{where} has no embeddings endpoint or model '{_model}' (HTTP 404). Check lspTriage.similarity.embeddings.baseUrl (e.g. include /v1) and model.", e),
        ClientResultException { Status: 0 } c => new($"Cannot reach the embeddings endpoint {where}: {UrlCredentials.Strip(c.InnerException?.Message ?? c.Message)}", e),
        ClientResultException c => new($"The embeddings endpoint {where} failed with HTTP {c.Status}.", e),
        HttpRequestException or System.Net.Sockets.SocketException => new($"Cannot reach the embeddings endpoint {where}: {UrlCredentials.Strip(e.Message)}", e),
        OperationCanceledException or TimeoutException => new($"The embeddings endpoint {where} did not answer within {_timeout.TotalSeconds:0.#} s.", e),
        // The SDK throws these when the body is not an embeddings answer (HTML, truncated JSON, wrong shapes).
        System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException or InvalidCastException =>
            new($"{where} did not answer with embeddings for model '{_model}' (the body is not an embeddings response).", e),
        _ => null,
    };

    public void Dispose()
    {
    }
}
