namespace LspTriage.Core.Analysis.Llm;

/// <summary>
/// What any OpenAI-compatible endpoint must be, for the LLM analyzer and the embeddings provider alike: an absolute
/// http(s) URL, and a key unless it is on this machine (a local Ollama or vLLM needs none).
/// </summary>
public static class OpenAiCompatibleEndpoint
{
    /// <summary>The base URL when it is an absolute http(s) URL.</summary>
    public static bool TryParseBaseUrl(string baseUrl, out Uri uri) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>True when requests to <paramref name="uri"/> cannot go without a key: it is not a loopback address.</summary>
    public static bool NeedsKey(Uri uri) => !uri.IsLoopback;
}
