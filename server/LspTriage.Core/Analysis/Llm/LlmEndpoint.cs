namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// Where the LLM analyzer sends requests. Settings win over the environment: <c>LSPTRIAGE_LLM_BASE_URL</c>,
/// <c>LSPTRIAGE_LLM_MODEL</c>, <c>LSPTRIAGE_LLM_API_KEY</c>, then <c>OPENAI_API_KEY</c> / <c>DEEPSEEK_API_KEY</c>.
/// With only a DeepSeek key, DeepSeek's endpoint and <c>deepseek-chat</c> are the defaults.
/// </summary>
public sealed record LlmEndpoint(Uri BaseUrl, string Model, string? ApiKey)
{
    public const string DeepSeekBaseUrl = "https://api.deepseek.com";
    public const string OpenAiBaseUrl = "https://api.openai.com/v1";

    public override string ToString() => $"LlmEndpoint {{ BaseUrl = {BaseUrl}, Model = {Model}, ApiKey = {(ApiKey is null ? "none" : "***")} }}";

    public static LlmEndpoint Resolve(AnalysisOptions options, Func<string, string?> environment)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v.Trim() : null;
        var deepSeekKey = Env("DEEPSEEK_API_KEY");
        var openAiKey = Env("OPENAI_API_KEY");
        var key = options.ApiKey ?? Env("LSPTRIAGE_LLM_API_KEY") ?? openAiKey ?? deepSeekKey;
        var onlyDeepSeek = deepSeekKey is not null && openAiKey is null && key == deepSeekKey;
        var baseUrl = options.BaseUrl ?? Env("LSPTRIAGE_LLM_BASE_URL") ?? (onlyDeepSeek ? DeepSeekBaseUrl : OpenAiBaseUrl);
        var model = options.Model ?? Env("LSPTRIAGE_LLM_MODEL") ?? (baseUrl.Contains("deepseek", StringComparison.OrdinalIgnoreCase) ? "deepseek-chat" : "gpt-4o-mini");
        if (!OpenAiCompatibleEndpoint.TryParseBaseUrl(baseUrl, out var uri))
        {
            throw new AnalysisException($"The LLM base URL '{Redaction.UrlCredentials.Strip(baseUrl)}' is not an http(s) URL. Set lspTriage.analysis.baseUrl or LSPTRIAGE_LLM_BASE_URL.", AnalysisFailure.EndpointUnreachable);
        }
        if (key is null && OpenAiCompatibleEndpoint.NeedsKey(uri))
        {
            throw new AnalysisException(
                $"No API key for {uri.Host}. Set LSPTRIAGE_LLM_API_KEY (or OPENAI_API_KEY / DEEPSEEK_API_KEY), or use --provider offline.",
                AnalysisFailure.MissingApiKey);
        }
        return new LlmEndpoint(uri, model, key);
    }
}
