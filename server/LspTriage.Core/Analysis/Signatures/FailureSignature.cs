using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>
/// Scoring shared by the signatures: each indicator counts once (its best clause), a change shortly before the onset
/// adds <see cref="ChangeWeight"/>, a statement ruling the cause out subtracts. Subclasses write the prose and playbook.
/// </summary>
internal abstract class FailureSignature : IFailureSignature
{
    public const double MinimumScore = 3;

    public abstract string Id { get; }

    protected abstract IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Topics of ruled-out statements that weaken this hypothesis (cpu, memory, disk, traffic, deploy, config, infra, db, dns, network).</summary>
    protected virtual IReadOnlyList<string> RefutingTopics => [];

    protected virtual double ChangeWeight => 1;

    protected virtual bool IsRelevantChange(ChangeEvent change) => true;

    public SignatureMatch? Match(ContextFacts facts, AnalysisLanguage language)
    {
        var ev = new SignatureEvidence();
        foreach (var indicator in Indicators)
        {
            // One pass over the whole text rules out most indicators; thousands of per-clause calls cost far more
            // on a large paste. Clauses are substrings of the text, so a clause match implies a text match.
            if (!indicator.Pattern.IsMatch(facts.Raw))
            {
                continue;
            }
            if (BestHit(indicator, facts) is { } hit)
            {
                ev.Hits.Add(hit);
                ev.Score += indicator.Weight * WeightOf(hit.Clause.Relevance);
            }
        }
        var change = facts.Changes
            .Where(c => c.MinutesBeforeOnset is >= 0 and <= 180 && IsRelevantChange(c))
            .OrderBy(c => c.MinutesBeforeOnset)
            .FirstOrDefault();
        if (change is not null && ChangeWeight > 0)
        {
            ev.Change = change;
            ev.Score += ChangeWeight;
        }
        foreach (var topic in RefutingTopics)
        {
            var r = facts.RuledOut.FirstOrDefault(x => x.Topic == topic);
            if (r is not null)
            {
                ev.Refuting.Add(r);
                ev.Score -= 4;
            }
        }
        Adjust(ev, facts);
        // Evidence about other pods and namespaces only (the analytics team's OOMKilled pod in a get pods -A) is not
        // evidence about this incident.
        if (facts.Subject.IsKnown && ev.Hits.Count > 0 && ev.Hits.All(h => h.Clause.Relevance == Relevance.Elsewhere))
        {
            return null;
        }
        if (ev.Score < MinimumScore)
        {
            return null;
        }
        return Describe(ev, facts, language);
    }

    /// <summary>
    /// The indicator's match in the clause most about the subject: the alerted pod's own error outweighs the same
    /// error in another namespace, and the investigation tooling's failures are not evidence at all.
    /// </summary>
    private static (Indicator Indicator, ContextClause Clause, int MatchIndex)? BestHit(Indicator indicator, ContextFacts facts)
    {
        (Indicator Indicator, ContextClause Clause, int MatchIndex)? best = null;
        foreach (var clause in facts.Clauses)
        {
            if (clause.Relevance == Relevance.Tooling || (best is { } b && b.Clause.Relevance >= clause.Relevance))
            {
                continue;
            }
            var m = indicator.Pattern.Match(clause.Text);
            if (m.Success)
            {
                best = (indicator, clause, m.Index);
                if (clause.Relevance == Relevance.Subject || !facts.Subject.IsKnown)
                {
                    break;
                }
            }
        }
        return best;
    }

    private static double WeightOf(Relevance relevance) => relevance == Relevance.Elsewhere ? 0.4 : 1;

    /// <summary>Signature-specific corrections to the score (e.g. requiring a primary indicator).</summary>
    protected virtual void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
    }

    protected abstract SignatureMatch Describe(SignatureEvidence ev, ContextFacts facts, AnalysisLanguage l);

    protected SignatureMatch Result(SignatureEvidence ev, string title, string refutation, string rootCause,
        IReadOnlyList<ChecklistStep> checklist, IReadOnlyList<MitigationStep> mitigations, IReadOnlyList<FollowUp> followUps,
        IEnumerable<string>? extraQuotes = null)
    {
        var quotes = new List<string>();
        foreach (var q in extraQuotes ?? [])
        {
            SignatureEvidence.Add(quotes, q);
        }
        foreach (var q in ev.Quotes(6))
        {
            SignatureEvidence.Add(quotes, q);
        }
        return new SignatureMatch(Id, Math.Round(ev.Score, 2), title, quotes.Take(5).ToList(), refutation, rootCause, checklist, mitigations, followUps);
    }

    protected static string ServiceOf(ContextFacts f, AnalysisLanguage l) => f.Service ?? l.T("the service", "该服务");

    protected static string Svc(ContextFacts f) => f.Service ?? "SERVICE";

    /// <summary>The subject's namespace for commands, or a placeholder the user fills in.</summary>
    protected static string Ns(ContextFacts f) => f.Subject.Namespace ?? "NAMESPACE";

    /// <summary>The first container state with one of <paramref name="reasons"/> (OOMKilled, CrashLoopBackOff…), about the subject first.</summary>
    protected static ContainerState? StateOf(ContextFacts f, params string[] reasons) =>
        f.States.Where(s => reasons.Contains(s.Reason, StringComparer.Ordinal)).OrderByDescending(s => s.Clause.Relevance).FirstOrDefault();

    /// <summary>"the change shipped at 13:50 UTC (v2.41)" from the correlated change, or empty.</summary>
    protected static string ChangePhrase(ChangeEvent? c, AnalysisLanguage l)
    {
        if (c is null)
        {
            return "";
        }
        var when = c.Clause.TimeText is { } t ? l.T($" at {t}{c.ZoneSuffix}", $"{t}{c.ZoneSuffix} 的") : "";
        var version = c.Version is { } v ? l.T($" ({v})", $"（{v}）") : "";
        return c.IsConfig ? l.T($"the config change{when}{version}", $"{when}配置变更{version}") : l.T($"the deploy{when}{version}", $"{when}发布{version}");
    }
}
