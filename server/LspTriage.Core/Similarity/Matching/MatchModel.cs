using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LspTriage.Core.Similarity.Matching;

/// <summary>
/// Weights of the combined match score and its threshold, fitted on the labelled set under <c>samples/similarity</c>
/// by <c>lsptriage similar --fit samples/similarity --history samples/history</c> and shipped as
/// <c>match-model.json</c>. The combined score is the weighted mean of the <see cref="MatchSignals"/>, and never less
/// than the pg_trgm similarity alone: a write-up worded like a past one stays a match even when it names no
/// identifiers, and the other signals can only raise a candidate. With vectors present the <see cref="WithVectors"/>
/// weights apply.
/// </summary>
public sealed record MatchModel(MatchWeights WithoutVectors, MatchWeights WithVectors)
{
    private const string ResourceName = "LspTriage.Core.Similarity.Matching.match-model.json";

    /// <summary>camelCase, indented, nulls left out; the metadata is source-generated (no reflection, Native AOT safe).</summary>
    internal static JsonSerializerOptions Json => MatchModelJson.Default.Options;

    /// <summary>The shipped, fitted model.</summary>
    public static MatchModel Default { get; } = Load();

    public double Score(MatchSignals s) => (s.Vector is null ? WithoutVectors : WithVectors).Score(s);

    public double ThresholdFor(bool vectors) => vectors ? WithVectors.Threshold : WithoutVectors.Threshold;

    public string ToJson() => JsonSerializer.Serialize(this, MatchModelJson.Default.MatchModel);

    public static MatchModel FromJson(string json) =>
        JsonSerializer.Deserialize(json, MatchModelJson.Default.MatchModel) ?? throw new InvalidDataException("The match model is empty.");

    private static MatchModel Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }
}

/// <summary>One weight per signal and the threshold on the weighted mean; <see cref="Fit"/> says how they were found.</summary>
public sealed record MatchWeights(double Lexical, double Failure, double Service, double Shared, double Vector, double Threshold, string? Fit = null)
{
    public double Score(MatchSignals s)
    {
        var total = Lexical + Failure + Service + Shared + (s.Vector is null ? 0 : Vector);
        if (total <= 0)
        {
            return s.Lexical;
        }
        var sum = (Lexical * s.Lexical) + (Failure * s.Failure) + (Service * s.Service) + (Shared * s.Shared) + (s.Vector is { } v ? Vector * Math.Max(0, v) : 0);
        return Math.Max(s.Lexical, sum / total);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MatchModel))]
internal sealed partial class MatchModelJson : JsonSerializerContext
{
}
