using System.Text.RegularExpressions;

namespace LspTriage.Core.Similarity.Matching;

/// <summary>
/// The names an incident write-up carries verbatim whatever language or wording it uses: quoted error messages, error
/// codes, exception types, CamelCase alert names, snake_case metric and config keys, dotted metric names and hosts,
/// kebab-case components, versions, and anything in backticks. Prose words are left to the lexical score; how much a
/// shared identifier counts is decided by how rare it is in the history (see <see cref="MatchScorer"/>).
/// </summary>
public static partial class IdentifierExtractor
{
    private const int MaxIdentifiers = 64;
    private const int MaxQuoted = 90;

    // Hyphenated English words and generic terms that look like identifiers but name nothing specific.
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "on-call", "follow-up", "follow-ups", "read-only", "real-time", "long-running", "built-in", "so-called", "re-run",
        "roll-back", "non-zero", "end-to-end", "e-mail", "up-to-date", "third-party", "x-axis", "self-healing", "in-flight",
        "write-up", "post-mortem", "root-cause", "high-level", "low-level", "per-request", "pre-prod", "re-enabled",
        "utc", "http", "https", "sev1", "sev2", "sev3", "sev4", "cpu", "api", "todo", "tbd", "fill_in", "n/a", "e.g", "i.e",
    };

    /// <summary>Identifiers in order of first appearance, de-duplicated case-insensitively (first spelling kept),
    /// without <paramref name="service"/> itself (the service is a signal of its own).</summary>
    public static IReadOnlyList<string> Extract(string text, string? service = null)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(service))
        {
            seen.Add(service.Trim());
        }
        var found = new List<(int At, string Value)>();
        void Add(int at, string value)
        {
            value = value.Trim().Trim('.', ',', ';', ':', '(', ')', '"', '\'');
            if (value.Length >= 3 && value.Length <= MaxQuoted && !Ignored.Contains(value) && seen.Add(value))
            {
                found.Add((at, value));
            }
        }
        foreach (Match m in Quoted().Matches(text))
        {
            var inner = m.Groups["q"].Value;
            if (IsMostlyAscii(inner) && inner.Any(char.IsLetter) && inner.Contains(' ', StringComparison.Ordinal))
            {
                Add(m.Index, inner);
            }
        }
        foreach (Match m in Backticked().Matches(text))
        {
            var inner = m.Groups["q"].Value;
            if (IsMostlyAscii(inner) && inner.Any(char.IsLetter))
            {
                Add(m.Index, inner);
            }
        }
        foreach (Match m in Token().Matches(text))
        {
            Add(m.Index, m.Value);
        }
        return found.OrderBy(f => f.At).Select(f => f.Value).Take(MaxIdentifiers).ToArray();
    }

    private static bool IsMostlyAscii(string s) => s.Count(c => c < 128) * 10 >= s.Length * 9;

    // "..." and “...” (Chinese write-ups quote English log lines with either).
    [GeneratedRegex("[\"“](?<q>[^\"”\\n]{8,90})[\"”]", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex("`(?<q>[^`\\n]{3,90})`", RegexOptions.CultureInvariant)]
    private static partial Regex Backticked();

    // Alternatives, in order: exception types; error codes (ORA-00060, E1234, ERR_TLS_CERT); CamelCase names with at
    // least two humps or an acronym (PaymentSvcErrorRateHigh, OOMKilled, CrashLoopBackOff); UPPER_SNAKE and
    // all-caps words of 5+ letters (NXDOMAIN, SERVFAIL); snake_case; dotted names and hosts; kebab-case; versions;
    // HTTP statuses.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_./-])(?:" +
        @"[A-Z][A-Za-z0-9]*(?:Exception|Error)" +
        @"|[A-Z]{1,5}-?\d{3,6}" +
        @"|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+){2,}|[A-Z]{2,}[a-z]+(?:[A-Z][a-z0-9]*)*|[a-z]+(?:[A-Z][a-z0-9]+){2,}" +
        @"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{5,}" +
        @"|[a-z][a-z0-9]*(?:_[a-z0-9]+)+" +
        @"|[a-z][a-z0-9-]*(?:\.[a-z0-9-]*[a-z0-9])+" +
        @"|[a-z][a-z0-9]*(?:-[a-z0-9]+)+" +
        @"|v\d+(?:\.\d+)+" +
        @"|HTTP \d{3}" +
        @")(?![A-Za-z0-9_/-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
