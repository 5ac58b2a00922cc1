namespace LspTriage.Core.Analysis.Llm;

/// <summary>Prices in US dollars per million tokens, per model. Defaults are list prices; settings can override any row.</summary>
public sealed record PriceTable(IReadOnlyDictionary<string, ModelPrice> Rows)
{
    public static readonly PriceTable Default = new(new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["deepseek-chat"] = new(0.27m, 1.10m),
        ["deepseek-reasoner"] = new(0.55m, 2.19m),
        ["gpt-4o"] = new(2.50m, 10.00m),
        ["gpt-4o-mini"] = new(0.15m, 0.60m),
        ["gpt-4.1"] = new(2.00m, 8.00m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m),
    });

    /// <summary>Null when the model has no row (the run line then shows no cost rather than a made-up one).</summary>
    public decimal? CostOf(string model, int inputTokens, int outputTokens) =>
        Rows.TryGetValue(model, out var p) ? (inputTokens * p.InputPerMillion + outputTokens * p.OutputPerMillion) / 1_000_000m : null;

    public PriceTable With(string model, ModelPrice price)
    {
        var rows = new Dictionary<string, ModelPrice>(Rows, StringComparer.OrdinalIgnoreCase) { [model] = price };
        return new PriceTable(rows);
    }
}

public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion);
