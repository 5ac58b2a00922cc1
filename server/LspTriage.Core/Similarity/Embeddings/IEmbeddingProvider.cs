namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>
/// Turns texts into semantic vectors, one per text, in order, L2-normalised (so the cosine of two is their dot
/// product). <see cref="ModelId"/> names the model for the vector caches: two providers with the same id must give the
/// same vector for the same text.
/// </summary>
public interface IEmbeddingProvider : IDisposable
{
    /// <summary>E.g. <c>openai:127.0.0.1:11434/bge-m3</c> or <c>onnx:all-MiniLM-L6-v2/90868128</c>; never a secret.</summary>
    string ModelId { get; }

    /// <summary>Throws <see cref="EmbeddingException"/> (one line, no secret) when the vectors cannot be had.</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>Vectors cannot be computed: the endpoint failed or answered garbage, or the model folder is missing or
/// broken. The message is for the user and names no API key or URL credentials.</summary>
public sealed class EmbeddingException(string message, Exception? inner = null) : Exception(message, inner);
