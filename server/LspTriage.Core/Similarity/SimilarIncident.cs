using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity;

/// <summary>
/// A past incident found for a query: its pg_trgm similarity to the query key (0..1, float4 as the server computes
/// it: the lexical score) and, when ranked by <see cref="SimilarIncidentFinder"/>, the combined match score with its
/// reasons (<see cref="Match"/>).
/// </summary>
public sealed record SimilarIncident(IncidentRecord Incident, float Similarity)
{
    /// <summary>The combined score and reasons; null for a lexical-only search.</summary>
    public MatchScore? Match { get; init; }

    /// <summary>The score results are ranked by: combined when present, else lexical.</summary>
    public float Score => Match?.Combined ?? Similarity;

    /// <summary><see cref="Score"/> as a whole percentage, as the seed's list shows it (98%, 85%...).</summary>
    public int Percent => ToPercent(Score);

    /// <summary>The pg_trgm similarity as a whole percentage.</summary>
    public int LexicalPercent => ToPercent(Similarity);

    private static int ToPercent(float value) => (int)Math.Round(value * 100.0, MidpointRounding.AwayFromZero);
}
