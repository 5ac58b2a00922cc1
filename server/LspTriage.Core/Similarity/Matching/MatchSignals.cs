namespace LspTriage.Core.Similarity.Matching;

/// <summary>
/// How a past incident compares with the one at hand, signal by signal, each 0..1: pg_trgm similarity of the keys
/// (<see cref="Lexical"/>), the same failure signature (<see cref="Failure"/>), the same service
/// (<see cref="Service"/>), shared identifiers weighted by rarity (<see cref="Shared"/>), and the cosine of the
/// semantic vectors when both have one (<see cref="Vector"/>).
/// </summary>
public sealed record MatchSignals(float Lexical, double Failure, double Service, double Shared, double? Vector = null);
