using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace LspTriage.Core.Similarity.Embeddings.Onnx;

/// <summary>
/// Vectors from a sentence-embedding model the user downloaded: a folder with <c>model.onnx</c> (or
/// <c>onnx/model.onnx</c>, or the one <c>*.onnx</c> there) and its WordPiece <c>vocab.txt</c> (BERT-style models:
/// all-MiniLM-L6-v2, paraphrase-multilingual models exported with a WordPiece vocabulary, bge-small…). Each text is
/// tokenized (Microsoft.ML.Tokenizers, at most <see cref="MaxTokens"/> tokens), run through ONNX Runtime, mean-pooled
/// over its tokens and L2-normalised, as sentence-transformers does. The only place ONNX Runtime is used: a build that
/// cannot load it (Native AOT without the native library) reports one <see cref="EmbeddingException"/> and ranks without
/// vectors.
/// </summary>
public sealed class OnnxEmbeddingProvider : IEmbeddingProvider
{
    /// <summary>sentence-transformers' limit for MiniLM-class models; longer texts are cut.</summary>
    public const int MaxTokens = 256;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly bool _tokenTypes;
    private readonly string _output;

    public OnnxEmbeddingProvider(EmbeddingSettings settings)
    {
        var folder = settings.ModelPath is { Length: > 0 } p ? Path.GetFullPath(p.Trim()) : null;
        if (folder is null)
        {
            throw new EmbeddingException("No ONNX model folder: set lspTriage.similarity.embeddings.modelPath (or --model-path) to a folder with model.onnx and vocab.txt.");
        }
        if (!Directory.Exists(folder))
        {
            throw new EmbeddingException($"The ONNX model folder {folder} does not exist.");
        }
        var modelFile = FindModel(folder);
        var vocab = new[] { Path.Combine(folder, "vocab.txt"), Path.Combine(Path.GetDirectoryName(modelFile)!, "vocab.txt") }.FirstOrDefault(File.Exists)
            ?? throw new EmbeddingException($"The ONNX model folder {folder} has no vocab.txt: only WordPiece (BERT-style) tokenizers are supported here; serve other models through an OpenAI-compatible endpoint (provider openai).");
        try
        {
            _tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = LowerCase(folder) });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new EmbeddingException($"{vocab} is not a WordPiece vocabulary: {e.Message}", e);
        }

        OnnxRuntimeLibrary.LookIn(settings.OnnxRuntimePath, folder);
        try
        {
            _session = new InferenceSession(modelFile, new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount / 2) });
        }
        catch (Exception e) when (IsMissingRuntime(e))
        {
            throw new EmbeddingException(
                "The ONNX Runtime native library was not found or cannot load: put libonnxruntime.so (onnxruntime.dll on Windows) in the model folder " +
                "or set lspTriage.similarity.embeddings.onnxRuntimePath (or LSPTRIAGE_ONNXRUNTIME) to it. It ships in the Microsoft.ML.OnnxRuntime NuGet package " +
                "(runtimes/<rid>/native) and in ONNX Runtime's release archives.", e);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException or IOException or ArgumentException)
        {
            throw new EmbeddingException($"{modelFile} is not a usable ONNX model: {FirstLine(e.Message)}", e);
        }
        var inputs = _session.InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask"))
        {
            _session.Dispose();
            throw new EmbeddingException($"{modelFile} is not a sentence-embedding model: it takes {string.Join(", ", inputs)}, not input_ids and attention_mask.");
        }
        _tokenTypes = inputs.Contains("token_type_ids");
        var outputs = _session.OutputMetadata.Keys.ToList();
        _output = new[] { "last_hidden_state", "token_embeddings", "sentence_embedding" }.FirstOrDefault(outputs.Contains) ?? outputs[0];
        ModelId = $"onnx:{new DirectoryInfo(folder).Name}/{new FileInfo(modelFile).Length}";
    }

    public string ModelId { get; }

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<float[]>>(() =>
        {
            var result = new float[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                result[i] = Embed(texts[i]);
            }
            if (VectorMath.Problem(result, texts.Count) is { } problem)
            {
                throw new EmbeddingException($"The ONNX model {ModelId} gave unusable vectors ({problem}).");
            }
            return result;
        }, cancellationToken);

    private float[] Embed(string text)
    {
        var ids = _tokenizer.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _);
        var n = ids.Count;
        long[] shape = [1, n];
        var inputIds = ids.Select(x => (long)x).ToArray();
        var mask = Enumerable.Repeat(1L, n).ToArray();
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(inputIds, shape),
            OrtValue.CreateTensorValueFromMemory(mask, shape),
        };
        if (_tokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(OrtValue.CreateTensorValueFromMemory(new long[n], shape));
        }
        try
        {
            using var run = new RunOptions();
            using var outputs = _session.Run(run, names, values, [_output]);
            var output = outputs[0];
            var dims = output.GetTensorTypeAndShape().Shape;
            var data = output.GetTensorDataAsSpan<float>();
            return VectorMath.Normalize(Pool(data, dims));
        }
        catch (OnnxRuntimeException e)
        {
            throw new EmbeddingException($"The ONNX model {ModelId} failed: {FirstLine(e.Message)}", e);
        }
        finally
        {
            foreach (var v in values)
            {
                v.Dispose();
            }
        }
    }

    /// <summary>Mean of the token vectors ([1, tokens, hidden]; every token is real, there is no padding), or the
    /// model's own sentence vector ([1, hidden]).</summary>
    internal static float[] Pool(ReadOnlySpan<float> data, long[] dims)
    {
        if (dims.Length == 2)
        {
            return data[..(int)dims[1]].ToArray();
        }
        if (dims.Length != 3 || dims[1] == 0)
        {
            throw new EmbeddingException($"The ONNX model's output has shape [{string.Join(", ", dims)}], not [1, tokens, hidden].");
        }
        int tokens = (int)dims[1], hidden = (int)dims[2];
        var sum = new float[hidden];
        for (var t = 0; t < tokens; t++)
        {
            var row = data.Slice(t * hidden, hidden);
            for (var h = 0; h < hidden; h++)
            {
                sum[h] += row[h];
            }
        }
        for (var h = 0; h < hidden; h++)
        {
            sum[h] /= tokens;
        }
        return sum;
    }

    private static string FindModel(string folder)
    {
        foreach (var candidate in new[] { Path.Combine(folder, "model.onnx"), Path.Combine(folder, "onnx", "model.onnx") })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        var any = new[] { folder, Path.Combine(folder, "onnx") }.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.onnx")).ToList();
        return any.Count == 1
            ? any[0]
            : throw new EmbeddingException(any.Count == 0
                ? $"The ONNX model folder {folder} has no model.onnx."
                : $"The ONNX model folder {folder} has {any.Count} .onnx files: name the one to use model.onnx.");
    }

    /// <summary>tokenizer_config.json's <c>do_lower_case</c> (uncased models, the default, lower-case).</summary>
    private static bool LowerCase(string folder)
    {
        var config = Path.Combine(folder, "tokenizer_config.json");
        try
        {
            if (File.Exists(config))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(config));
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("do_lower_case", out var v) && v.ValueKind is JsonValueKind.False)
                {
                    return false;
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A broken config does not stop the model: the uncased default is right for most sentence models.
        }
        return true;
    }

    private static bool IsMissingRuntime(Exception e) =>
        e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException ||
        (e is TypeInitializationException { InnerException: { } inner } && IsMissingRuntime(inner));

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public void Dispose() => _session.Dispose();
}
