using LspTriage.Cli.Cli;
using LspTriage.Core.Similarity.Embeddings;

namespace LspTriage.Cli.Commands;

/// <summary><c>similar</c>'s semantic-vector flags (<c>--embeddings none|openai|onnx</c>, <c>--embeddings-url</c>,
/// <c>--embeddings-model</c>, <c>--model-path</c>, <c>--onnx-runtime</c>, <c>--vector-cache</c>), the same choices as
/// the <c>lspTriage.similarity.embeddings</c> settings. A provider that cannot start or fails prints one line on stderr
/// and the command ranks without vectors.</summary>
internal static class EmbeddingOptions
{
    public static IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("embeddings", "PROVIDER", """
            Semantic vectors as one more signal (off by default): openai (an OpenAI-compatible /v1/embeddings endpoint,
            key from LSPTRIAGE_EMBEDDINGS_API_KEY or OPENAI_API_KEY) or onnx (a local model folder)
            """, "none", "openai", "onnx"),
        CliOption.Value("embeddings-url", "URL", "With --embeddings openai: the endpoint (e.g. http://localhost:11434/v1)"),
        CliOption.Value("embeddings-model", "NAME", "With --embeddings openai: the model (e.g. bge-m3)"),
        CliOption.Value("model-path", "DIR", "With --embeddings onnx: the folder with model.onnx and vocab.txt"),
        CliOption.Value("onnx-runtime", "PATH", "With --embeddings onnx: libonnxruntime.so or its folder, when not in the model folder"),
        CliOption.Value("vector-cache", "DIR", "Where vectors are cached by content hash (default ~/.cache/lsptriage)"),
    ];

    public static EmbeddingSettings Settings(CliArgs args)
    {
        var raw = args.Value("embeddings");
        var provider = EmbeddingSettings.ParseProvider(raw)
            ?? throw new UsageException($"--embeddings must be none, openai or onnx (got '{raw}').");
        return new EmbeddingSettings(provider, args.Value("embeddings-url"), args.Value("embeddings-model"), args.Value("model-path"), args.Value("onnx-runtime"));
    }

    /// <summary>The vectors the flags ask for (cached in the vector-cache folder and, with a PostgreSQL history, its
    /// <c>incident_vectors</c> table), or null: none asked, or the provider cannot start (said on stderr).</summary>
    public static async Task<IncidentVectors?> CreateAsync(CliArgs args, CliIo io, string? connectionString)
    {
        var settings = Settings(args);
        if (!settings.Enabled)
        {
            return null;
        }
        if (settings.ModelPath is { } modelPath)
        {
            settings = settings with { ModelPath = io.FullPath(modelPath) };
        }
        if (settings.OnnxRuntimePath is { } runtime)
        {
            settings = settings with { OnnxRuntimePath = io.FullPath(runtime) };
        }
        var folder = args.Value("vector-cache") is { } dir ? io.FullPath(dir) : VectorCacheFile.DefaultFolder(io.GetEnvironment);
        IVectorCache[] caches = connectionString is null
            ? [new VectorCacheFile(folder)]
            : [new VectorCacheFile(folder), new PostgresVectorCache(connectionString)];
        var vectors = IncidentVectors.Create(settings, out var problem, io.GetEnvironment, caches);
        if (problem is not null)
        {
            await io.Error.WriteLineAsync("lsptriage similar: " + problem + " Ranking without them.").ConfigureAwait(false);
        }
        if (vectors is not null)
        {
            vectors.Unavailable += message => io.Error.WriteLine("lsptriage similar: " + message);
        }
        return vectors;
    }
}
