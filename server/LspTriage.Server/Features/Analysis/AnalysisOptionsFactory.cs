using System.Text.Json;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features.Analysis;

/// <summary>
/// The <c>lspTriage.analysis.*</c> settings as analysis options. The API key is never a setting: the VS Code extension
/// keeps it in SecretStorage and hands it over in the server's environment (<c>LSPTRIAGE_LLM_API_KEY</c>), which
/// <see cref="LlmEndpoint.Resolve"/> reads.
/// </summary>
internal static class AnalysisOptionsFactory
{
    public static AnalysisOptions Create(ServerSettings settings)
    {
        AnalysisLanguageExtensions.TryParse(settings.Language, out var language);
        return new AnalysisOptions
        {
            Provider = settings.AnalysisProvider,
            PromptVersion = settings.PromptVersion,
            Language = language,
            BaseUrl = settings.AnalysisBaseUrl,
            Model = settings.AnalysisModel,
            Timeout = TimeSpan.FromSeconds(settings.AnalysisTimeoutSeconds),
            Prices = Prices(settings.Prices),
        };
    }

    /// <summary><c>{ "model": { "input": 0.27, "output": 1.10 } }</c>, US dollars per million tokens, over the built-in table.</summary>
    private static PriceTable Prices(JsonElement? overrides)
    {
        var table = PriceTable.Default;
        if (overrides is not { ValueKind: JsonValueKind.Object } rows)
        {
            return table;
        }
        foreach (var row in rows.EnumerateObject())
        {
            if (row.Value.ValueKind == JsonValueKind.Object
                && row.Value.TryGetProperty("input", out var input) && input.TryGetDecimal(out var i)
                && row.Value.TryGetProperty("output", out var output) && output.TryGetDecimal(out var o)
                && i >= 0 && o >= 0)
            {
                table = table.With(row.Name, new ModelPrice(i, o));
            }
        }
        return table;
    }
}
