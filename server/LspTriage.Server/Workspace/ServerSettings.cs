using System.Text.Json;
using LspTriage.Core.Documents;

namespace LspTriage.Server.Workspace;

/// <summary>
/// The <c>lspTriage</c> settings section, in VS Code's nested shape (<c>files.incidentGlobs</c>, <c>analysis.provider</c>, …).
/// Unknown or ill-typed values fall back to defaults rather than failing: a settings typo must not stop the server.
/// </summary>
internal sealed record ServerSettings
{
    public static readonly ServerSettings Default = new();

    public DocumentOptions Documents { get; init; } = DocumentOptions.Default;

    public string LogLevel { get; init; } = "info";

    public string AnalysisProvider { get; init; } = "offline";

    public string? AnalysisBaseUrl { get; init; }

    public string? AnalysisModel { get; init; }

    public string PromptVersion { get; init; } = "v2";

    public string Language { get; init; } = "en";

    public int AnalysisTimeoutSeconds { get; init; } = 120;

    public JsonElement? Prices { get; init; }

    public string SimilarityStore { get; init; } = "embedded";

    public string? SimilarityConnectionString { get; init; }

    public IReadOnlyList<string> HistoryFolders { get; init; } = [];

    /// <summary>
    /// The history folders as full paths: relative ones (a repository's .vscode/settings.json: "samples/history") are
    /// relative to the first workspace folder, not to wherever the editor started the server.
    /// </summary>
    public IReadOnlyList<string> HistoryFoldersIn(IReadOnlyList<string> workspaceFolders) =>
        HistoryFolders.Select(h => Path.IsPathRooted(h) || workspaceFolders.Count == 0 ? h : Path.GetFullPath(Path.Combine(workspaceFolders[0], h))).ToArray();

    /// <summary>Minimum combined match score; null: the fitted threshold of the match model.</summary>
    public double? SimilarityThreshold { get; init; }

    public int SimilarityMaxResults { get; init; } = 5;

    /// <summary><c>similarity.embeddings.provider</c> as written (none, openai, onnx); checked by the similarity host,
    /// which says so when it is none of them.</summary>
    public string? EmbeddingsProvider { get; init; }

    /// <summary>The rest of <c>similarity.embeddings.*</c>: baseUrl, model, modelPath, onnxRuntimePath, timeoutSeconds.</summary>
    public Core.Similarity.Embeddings.EmbeddingSettings Embeddings { get; init; } = Core.Similarity.Embeddings.EmbeddingSettings.None;

    /// <summary>Show timeline entries and action items in the outline, not only headings.</summary>
    public bool OutlineEntries { get; init; } = true;

    public static ServerSettings FromJson(JsonElement? section)
    {
        if (section is not { ValueKind: JsonValueKind.Object } s)
        {
            return Default;
        }
        var d = Default;
        return new ServerSettings
        {
            Documents = new DocumentOptions
            {
                IncidentGlobs = Strings(s, "files", "incidentGlobs") ?? d.Documents.IncidentGlobs,
                PostmortemGlobs = Strings(s, "files", "postmortemGlobs") ?? d.Documents.PostmortemGlobs,
                PlaceholderPatterns = Strings(s, "placeholders", "patterns") ?? d.Documents.PlaceholderPatterns,
                Template = String(s, "templates", "profile") ?? d.Documents.Template,
                RequiredSections = Strings(s, "templates", "requiredSections") ?? d.Documents.RequiredSections,
                DisabledRules = Strings(s, "rules", "disabled") ?? d.Documents.DisabledRules,
            },
            LogLevel = String(s, "logLevel") ?? d.LogLevel,
            AnalysisProvider = String(s, "analysis", "provider") ?? d.AnalysisProvider,
            AnalysisBaseUrl = String(s, "analysis", "baseUrl"),
            AnalysisModel = String(s, "analysis", "model"),
            PromptVersion = String(s, "analysis", "promptVersion") ?? d.PromptVersion,
            Language = String(s, "analysis", "language") ?? d.Language,
            AnalysisTimeoutSeconds = Number(s, "analysis", "timeoutSeconds") is { } t and > 0 ? (int)t : d.AnalysisTimeoutSeconds,
            Prices = Find(s, "analysis", "prices") is { ValueKind: JsonValueKind.Object } p ? p.Clone() : null,
            SimilarityStore = String(s, "similarity", "store") ?? d.SimilarityStore,
            SimilarityConnectionString = String(s, "similarity", "connectionString"),
            HistoryFolders = Strings(s, "similarity", "historyFolders") ?? d.HistoryFolders,
            SimilarityThreshold = Number(s, "similarity", "threshold") is { } th and >= 0 and <= 1 ? th : d.SimilarityThreshold,
            SimilarityMaxResults = Number(s, "similarity", "maxResults") is { } k and >= 1 and <= 50 ? (int)k : d.SimilarityMaxResults,
            EmbeddingsProvider = String(s, "similarity", "embeddings", "provider"),
            Embeddings = new(
                Core.Similarity.Embeddings.EmbeddingSettings.ParseProvider(String(s, "similarity", "embeddings", "provider")) ?? Core.Similarity.Embeddings.EmbeddingProviderKind.None,
                String(s, "similarity", "embeddings", "baseUrl"),
                String(s, "similarity", "embeddings", "model"),
                String(s, "similarity", "embeddings", "modelPath"),
                String(s, "similarity", "embeddings", "onnxRuntimePath"),
                Number(s, "similarity", "embeddings", "timeoutSeconds") is { } et and > 0 ? TimeSpan.FromSeconds(et) : null),
            OutlineEntries = Find(s, "outline", "entries") is { ValueKind: JsonValueKind.False } ? false : d.OutlineEntries,
        };
    }

    /// <summary>Finds a nested value by path, also accepting VS Code's flat dotted keys ("files.incidentGlobs").</summary>
    private static JsonElement? Find(JsonElement root, params string[] path)
    {
        if (root.TryGetProperty(string.Join('.', path), out var flat))
        {
            return flat;
        }
        var current = root;
        foreach (var key in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(key, out current))
            {
                return null;
            }
        }
        return current;
    }

    private static string? String(JsonElement root, params string[] path) =>
        Find(root, path) is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s ? s : null;

    private static double? Number(JsonElement root, params string[] path) =>
        Find(root, path) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private static IReadOnlyList<string>? Strings(JsonElement root, params string[] path) =>
        Find(root, path) is { ValueKind: JsonValueKind.Array } v
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : null;
}
