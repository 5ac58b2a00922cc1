using System.Globalization;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Matching;

/// <summary>
/// Scores past incidents against one query incident: the <see cref="MatchSignals"/>, the combined score of the
/// <see cref="MatchModel"/>, and the reasons a person reads ("same failure: connection pool exhaustion · same
/// service · shared: `max_connections`"). Identifiers count by rarity in the history searched (inverse document
/// frequency), so a shared <c>payment-svc</c> in a history full of payment incidents counts for little.
/// </summary>
public sealed class MatchScorer
{
    private const int MaxSharedShown = 3;

    private readonly IncidentRecord _query;
    private readonly MatchModel _model;
    private readonly FeatureFrequencies _frequencies;
    // The query's identifier terms once each, in the order its identifiers name them (the order weights add up in).
    private readonly string[] _queryTerms;
    private readonly double _queryIdentifierWeight;

    public MatchScorer(IncidentRecord query, MatchModel model, FeatureFrequencies frequencies)
    {
        _query = query;
        _model = model;
        _frequencies = frequencies;
        _queryTerms = query.Features.Identifiers.Select(IncidentFeatures.IdentifierTerm).Distinct(StringComparer.Ordinal).ToArray();
        _queryIdentifierWeight = _queryTerms.Sum(Idf);
    }

    public MatchModel Model => _model;

    /// <summary>The signals and combined score of a candidate, with the reasons in words.</summary>
    public SimilarIncident Score(IncidentRecord candidate, float lexical, double? vector = null) =>
        Explain(candidate, Signals(candidate, lexical, vector));

    /// <summary>The signals alone: what ranking needs, without the words (a hover ranks many candidates and shows a few).</summary>
    public MatchSignals Signals(IncidentRecord candidate, float lexical, double? vector = null) =>
        new(lexical,
            Failure(_query.Features.Signatures, candidate.Features.Signatures, out _),
            SameService(_query.Service, candidate.Service) ? 1.0 : 0.0,
            SharedIdentifiers(candidate),
            vector);

    /// <summary>A candidate's match from its <see cref="Signals"/>: the combined score and why, in words.</summary>
    public SimilarIncident Explain(IncidentRecord candidate, MatchSignals signals)
    {
        Failure(_query.Features.Signatures, candidate.Features.Signatures, out var sharedFailure);
        var sharedShown = SharedShown(candidate);
        var combined = _model.Score(signals);
        var reasons = new List<string>();
        if (sharedFailure is not null)
        {
            reasons.Add("same failure: " + SignatureName(sharedFailure));
        }
        if (signals.Service > 0)
        {
            reasons.Add("same service");
        }
        if (sharedShown.Count > 0)
        {
            reasons.Add("shared: " + string.Join(", ", sharedShown.Select(s => "`" + s.Replace("`", "'", StringComparison.Ordinal) + "`")));
        }
        if (signals.Vector is { } v && v >= 0.5)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"similar meaning ({Math.Round(v * 100)}%)"));
        }
        if (signals.Lexical >= 0.3)
        {
            reasons.Add("similar wording");
        }
        return new SimilarIncident(candidate, signals.Lexical) { Match = new MatchScore((float)combined, signals, reasons) };
    }

    /// <summary>1 when the strongest signatures agree, 0.6 when they share a weaker one, else 0.</summary>
    internal static double Failure(IReadOnlyList<string> a, IReadOnlyList<string> b, out string? shared)
    {
        shared = null;
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        if (string.Equals(a[0], b[0], StringComparison.Ordinal))
        {
            shared = a[0];
            return 1;
        }
        shared = a.FirstOrDefault(x => b.Contains(x, StringComparer.Ordinal));
        return shared is null ? 0 : 0.6;
    }

    private static bool SameService(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Cosine of the two identifier sets with IDF weights.</summary>
    private double SharedIdentifiers(IncidentRecord candidate)
    {
        var identifiers = candidate.Features.Identifiers;
        if (_queryTerms.Length == 0 || identifiers.Count == 0)
        {
            return 0;
        }
        // Terms are few (a handful a record): linear scans, no sets, nothing allocated but the candidate's terms.
        var candidateTerms = new string[identifiers.Count];
        var distinct = 0;
        var candidateWeight = 0.0;
        foreach (var identifier in identifiers)
        {
            var term = IncidentFeatures.IdentifierTerm(identifier);
            if (Array.IndexOf(candidateTerms, term, 0, distinct) < 0)
            {
                candidateTerms[distinct++] = term;
                candidateWeight += Idf(term);
            }
        }
        var sharedWeight = 0.0;
        foreach (var term in _queryTerms)
        {
            if (Array.IndexOf(candidateTerms, term, 0, distinct) >= 0)
            {
                sharedWeight += Idf(term);
            }
        }
        return sharedWeight == 0 ? 0 : Math.Min(1, sharedWeight / Math.Sqrt(_queryIdentifierWeight * candidateWeight));
    }

    /// <summary>The shared identifiers a person reads: the rarest first (query spelling), at most three.</summary>
    private List<string> SharedShown(IncidentRecord candidate)
    {
        var shown = new List<string>();
        if (_queryTerms.Length == 0 || candidate.Features.Identifiers.Count == 0)
        {
            return shown;
        }
        var candidateTerms = candidate.Features.Identifiers.Select(IncidentFeatures.IdentifierTerm).ToHashSet(StringComparer.Ordinal);
        var shared = _query.Features.Identifiers
            .Where(i => candidateTerms.Contains(IncidentFeatures.IdentifierTerm(i)))
            .Select(i => (Spelling: i, Weight: Idf(IncidentFeatures.IdentifierTerm(i))))
            .DistinctBy(x => x.Spelling.ToLowerInvariant());
        // Rarest first; among equals the longer (a whole error message says more than one word of it), and no word
        // that a shown message already contains.
        foreach (var (spelling, _) in shared.OrderByDescending(x => x.Weight).ThenByDescending(x => x.Spelling.Length))
        {
            if (shown.Count < MaxSharedShown && !shown.Any(s => s.Contains(spelling, StringComparison.OrdinalIgnoreCase)))
            {
                shown.Add(spelling);
            }
        }
        return shown;
    }

    private double Idf(string term) =>
        Math.Log((_frequencies.Total + 1.0) / (_frequencies.Of(term) + 1.0)) + 1.0;

    /// <summary>"connection-pool-exhaustion" → "connection pool exhaustion".</summary>
    internal static string SignatureName(string id) => id.Replace('-', ' ');
}

/// <summary>
/// How many incidents of the searched history carry each feature term (counted up to <see cref="CommonLimit"/> + 1),
/// and how many there are.
/// </summary>
public sealed record FeatureFrequencies(IReadOnlyDictionary<string, int> Counts, int Total)
{
    // A term carried by more than a fifth of the history (a service every incident names, a signature half the
    // incidents share) finds nothing worth ranking, and would make a lookup read most of the history: it is common.
    private const double CommonShare = 0.2;

    // Small histories have no common terms: every shared term finds candidates.
    private const int CommonFloor = 200;

    public static FeatureFrequencies None { get; } = new(new Dictionary<string, int>(), 0);

    /// <summary>
    /// The most incidents a term may be carried by and still find candidates. Stores count no further than one more
    /// (counting the incidents a common term is carried by is what would be slow), so a common term weighs as one
    /// carried by just over the limit, in the embedded index and in PostgreSQL alike.
    /// </summary>
    public static int CommonLimit(long total) => (int)Math.Min(int.MaxValue - 1, Math.Max(CommonFloor, (long)Math.Floor(total * CommonShare)));

    /// <summary>True when <paramref name="count"/> (a count capped at the limit + 1) marks a common term.</summary>
    public static bool IsCommon(int count, long total) => count > CommonLimit(total);

    public int Of(string term) => Counts.TryGetValue(term, out var n) ? n : 0;
}

/// <summary>The combined score (0..1), the signals it came from, and why, in words.</summary>
public sealed record MatchScore(float Combined, MatchSignals Signals, IReadOnlyList<string> Reasons);
