using System.Globalization;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// How much a metric may worsen before a comparison fails, in the metric's own unit (0.02 = two points of a rate, or
/// 0.02 more unsupported claims per run). <c>0.02</c> sets every gated metric; <c>top1=0.05,unsupported=0.5</c> sets
/// some, and naming latency, tokens or cost gates them too (they are not gated otherwise: they vary run to run).
/// </summary>
public sealed class CompareThresholds
{
    public const double DefaultThreshold = 0.01;

    private readonly double _default;
    private readonly IReadOnlyDictionary<string, double> _perMetric;

    private CompareThresholds(double @default, IReadOnlyDictionary<string, double> perMetric)
    {
        _default = @default;
        _perMetric = perMetric;
    }

    public static CompareThresholds Default { get; } = new(DefaultThreshold, new Dictionary<string, double>());

    /// <summary>Throws <see cref="FormatException"/> with a message fit for the user.</summary>
    public static CompareThresholds Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }
        var @default = DefaultThreshold;
        var perMetric = new Dictionary<string, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            var value = Number(eq < 0 ? part : part[(eq + 1)..]);
            if (eq < 0)
            {
                @default = value;
                continue;
            }
            var id = part[..eq].Trim();
            if (EvalMetric.Find(id) is null)
            {
                throw new FormatException($"unknown metric '{id}' (known: {string.Join(", ", EvalMetric.All.Select(m => m.Id))})");
            }
            perMetric[id] = value;
        }
        return new CompareThresholds(@default, perMetric);
    }

    /// <summary>The allowed worsening for <paramref name="metric"/>, or null when it is not gated.</summary>
    public double? For(EvalMetric metric) =>
        _perMetric.TryGetValue(metric.Id, out var v) ? v : metric.Gated ? _default : null;

    private static double Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v
            : throw new FormatException($"'{text.Trim()}' is not a threshold (a number of 0 or more)");
}
