using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity;

/// <summary>A past incident and its pg_trgm similarity to the query key (0..1, float4 as the server computes it).</summary>
public sealed record SimilarIncident(IncidentRecord Incident, float Similarity)
{
    /// <summary>The similarity as a whole percentage, as the seed's list shows it (98%, 85%...).</summary>
    public int Percent => (int)Math.Round(Similarity * 100.0, MidpointRounding.AwayFromZero);
}
