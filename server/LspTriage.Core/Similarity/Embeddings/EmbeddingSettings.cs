namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>Which embeddings provider computes semantic vectors: none (the default), an OpenAI-compatible
/// <c>/v1/embeddings</c> endpoint, or a local ONNX model folder.</summary>
public enum EmbeddingProviderKind
{
    None,
    OpenAi,
    Onnx,
}

/// <summary>
/// The <c>lspTriage.similarity.embeddings</c> settings (and the <c>similar</c> command's flags): the provider, the
/// endpoint's base URL and model name, or the ONNX model folder and, optionally, where the native ONNX Runtime library
/// is. The API key is never a setting: <c>LSPTRIAGE_EMBEDDINGS_API_KEY</c>, <c>LSPTRIAGE_LLM_API_KEY</c> or
/// <c>OPENAI_API_KEY</c> from the environment (<see cref="OpenAiEmbeddingProvider"/>).
/// </summary>
public sealed record EmbeddingSettings(
    EmbeddingProviderKind Provider,
    string? BaseUrl = null,
    string? Model = null,
    string? ModelPath = null,
    string? OnnxRuntimePath = null,
    TimeSpan? Timeout = null)
{
    public static EmbeddingSettings None { get; } = new(EmbeddingProviderKind.None);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public TimeSpan EffectiveTimeout => Timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;

    public bool Enabled => Provider != EmbeddingProviderKind.None;

    /// <summary>"none", "openai" or "onnx" (any case, blank = none); null for anything else.</summary>
    public static EmbeddingProviderKind? ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" or "off" => EmbeddingProviderKind.None,
        "openai" => EmbeddingProviderKind.OpenAi,
        "onnx" => EmbeddingProviderKind.Onnx,
        _ => null,
    };
}
