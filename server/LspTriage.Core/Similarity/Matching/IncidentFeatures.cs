namespace LspTriage.Core.Similarity.Matching;

/// <summary>
/// What an incident is about, beyond its wording: the failure signatures the offline analyzer finds in it (strongest
/// first; language-independent ids such as <c>connection-pool-exhaustion</c>) and the identifiers it names (error
/// messages and codes, exception types, metric and alert names, config keys, hosts, components, versions), which stay
/// in English inside Chinese text. Two write-ups of one incident share these even when they share few trigrams.
/// </summary>
public sealed record IncidentFeatures(IReadOnlyList<string> Signatures, IReadOnlyList<string> Identifiers)
{
    public static IncidentFeatures Empty { get; } = new([], []);

    private const string SignaturePrefix = "sig:";
    private const string IdentifierPrefix = "id:";
    private const string ServicePrefix = "svc:";

    /// <summary>The terms a feature index (embedded or PostgreSQL <c>features text[]</c>) files this incident under.</summary>
    public IReadOnlyList<string> Terms(string? service)
    {
        var terms = new List<string>(Signatures.Count + Identifiers.Count + 1);
        terms.AddRange(Signatures.Select(s => SignaturePrefix + s));
        terms.AddRange(Identifiers.Select(IdentifierTerm));
        if (ServiceTerm(service) is { } svc)
        {
            terms.Add(svc);
        }
        return terms.Distinct(StringComparer.Ordinal).ToArray();
    }

    public static string IdentifierTerm(string identifier) => IdentifierPrefix + identifier.ToLowerInvariant();

    public static string? ServiceTerm(string? service) =>
        string.IsNullOrWhiteSpace(service) ? null : ServicePrefix + service.Trim().ToLowerInvariant();

    /// <summary>Reads <see cref="Terms"/> back (as stored in PostgreSQL): signatures in order, identifiers lower-cased.</summary>
    public static IncidentFeatures FromTerms(IEnumerable<string> terms)
    {
        var signatures = new List<string>();
        var identifiers = new List<string>();
        foreach (var t in terms)
        {
            if (t.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                signatures.Add(t[SignaturePrefix.Length..]);
            }
            else if (t.StartsWith(IdentifierPrefix, StringComparison.Ordinal))
            {
                identifiers.Add(t[IdentifierPrefix.Length..]);
            }
        }
        return new IncidentFeatures(signatures, identifiers);
    }
}
