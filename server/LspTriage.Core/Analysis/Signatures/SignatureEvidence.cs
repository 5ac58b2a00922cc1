using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>What the indicators found: the hits with the clauses they came from, the correlated change and refuting facts.</summary>
internal sealed class SignatureEvidence
{
    public List<(Indicator Indicator, ContextClause Clause, int MatchIndex)> Hits { get; } = [];

    public ChangeEvent? Change { get; set; }

    public List<RuledOutCause> Refuting { get; } = [];

    public double Score { get; set; }

    public bool Has(string indicatorName) => Hits.Any(h => h.Indicator.Name == indicatorName);

    /// <summary>
    /// Caps the score unless one of the signature's defining indicators matched: supporting signs alone (a broker
    /// named, a replica mentioned) must not make a hypothesis more than plausible.
    /// </summary>
    public void CapUnless(double cap, params string[] definingIndicators)
    {
        if (!definingIndicators.Any(Has))
        {
            Score = Math.Min(Score, cap);
        }
    }

    public ContextClause? ClauseOf(string indicatorName) => Hits.FirstOrDefault(h => h.Indicator.Name == indicatorName).Clause;

    /// <summary>Verbatim quotes, strongest first, without duplicates; long clauses are cut around the match.</summary>
    public List<string> Quotes(int max = 4)
    {
        var quotes = new List<string>();
        foreach (var hit in Hits.OrderByDescending(h => h.Indicator.Weight))
        {
            Add(quotes, Quote.Around(hit.Clause.Text, hit.MatchIndex));
        }
        if (Change is not null)
        {
            Add(quotes, Quote.Around(Change.Clause.Text, 0));
        }
        return quotes.Take(max).ToList();
    }

    internal static void Add(List<string> quotes, string q)
    {
        if (q.Length > 0 && !quotes.Any(x => x.Contains(q, StringComparison.Ordinal)))
        {
            quotes.RemoveAll(x => q.Contains(x, StringComparison.Ordinal));
            quotes.Add(q);
        }
    }
}
