using LspTriage.Core.Analysis.Llm;

namespace LspTriage.Core.Analysis;

/// <summary>How to analyze: provider, prompt version, language and, for the LLM provider, endpoint, model, key and limits.</summary>
public sealed record AnalysisOptions
{
    public static readonly AnalysisOptions Default = new();

    /// <summary><c>offline</c> (default) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    public string Provider { get; init; } = "offline";

    public string PromptVersion { get; init; } = "v2";

    public AnalysisLanguage Language { get; init; } = AnalysisLanguage.English;

    public string? BaseUrl { get; init; }

    public string? Model { get; init; }

    /// <summary>Never logged nor written anywhere.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The most an analysis waits for the model in total: each request, retries and the repair round included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries on 429 and 5xx (Retry-After honoured).</summary>
    public int MaxRetries { get; init; } = 3;

    public bool Stream { get; init; } = true;

    public PriceTable Prices { get; init; } = PriceTable.Default;

    public bool IsOffline => !string.Equals(Provider, "openai", StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        $"AnalysisOptions {{ Provider = {Provider}, Model = {Model}, BaseUrl = {BaseUrl}, Prompt = {PromptVersion}, Language = {Language.Code()}, ApiKey = {(ApiKey is null ? "none" : "***")} }}";
}
