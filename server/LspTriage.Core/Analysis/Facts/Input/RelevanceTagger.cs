using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Tags each clause as about the subject, about something else, about the investigation tooling, or neutral.</summary>
internal static partial class RelevanceTagger
{
    /// <summary>The investigation's own failures: a dashboard or metrics query, kubectl talking to the API server.</summary>
    [GeneratedRegex(@"\b(prometheus|grafana|promql|thanos|loki|datasource|query_range|api/v1/query|metrics query|dashboard)\b[^\n]{0,120}\b(error|fail\w*|no such host|timeout|timed out|refused|unreachable|could not)|\b(error|fail\w*)[^\n]{0,80}\b(executing query|datasource|query_range|promql|grafana)\b|^\s*(Error from server|error: the server|Unable to connect to the server|The connection to the server)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tooling();

    public static List<ContextClause> Tag(List<ContextClause> clauses, ScannedLines lines, Subject subject)
    {
        var result = new List<ContextClause>(clauses.Count);
        foreach (var c in clauses)
        {
            result.Add(c with { Index = result.Count, Relevance = Of(c, lines, subject) });
        }
        return result;
    }

    private static Relevance Of(ContextClause c, ScannedLines lines, Subject subject)
    {
        if (Tooling().IsMatch(c.Text))
        {
            return Relevance.Tooling;
        }
        if (!subject.IsKnown)
        {
            return Relevance.Neutral;
        }
        var line = lines.Of(c);
        if (subject.IsMentionedIn(c.Text) || (line.Owner is { } owner && subject.IsMentionedIn(owner)))
        {
            return subject.Namespace is { } ns && line.Namespace is { } lns && !string.Equals(ns, lns, StringComparison.Ordinal) ? Relevance.Elsewhere : Relevance.Subject;
        }
        if (line.Owner is not null || (subject.Namespace is { } sns && line.Namespace is { } lns2 && !string.Equals(sns, lns2, StringComparison.Ordinal)))
        {
            return Relevance.Elsewhere;
        }
        return Relevance.Neutral;
    }
}
