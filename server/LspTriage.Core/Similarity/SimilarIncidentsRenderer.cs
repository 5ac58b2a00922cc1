using System.Globalization;
using System.Text;
using LspTriage.Core.Documents;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity;

/// <summary>
/// Markdown for similar incidents: the "Similar past incidents" section in the seed's shape inside a generated block,
/// the hover card, and the code lens title. Links are relative to the current file when both paths are known.
/// </summary>
public static class SimilarIncidentsRenderer
{
    public const string BlockKind = "similar";

    /// <summary>
    /// The section, wrapped in <c>&lt;!-- lsptriage:begin similar store=... threshold=... hash=... --&gt;</c> …
    /// <c>&lt;!-- lsptriage:end --&gt;</c>. <c>hash</c> is <see cref="BlockHash"/> of the lines between the markers,
    /// so a later run can tell whether the user edited the block.
    /// </summary>
    public static string RenderSection(IReadOnlyList<SimilarIncident> results, string? currentPath, string storeName, double threshold, int headingLevel = 2, string newline = "\n")
    {
        var body = new StringBuilder();
        body.Append('#', Math.Clamp(headingLevel, 1, 6)).Append(" Similar past incidents").Append(newline).Append(newline);
        body.Append(Method(results)).Append(newline).Append(newline);
        if (results.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"No past incident reaches {threshold * 100:0.#}%.").Append(newline);
        }
        foreach (var r in results)
        {
            var i = r.Incident;
            body.Append(CultureInfo.InvariantCulture, $"- {r.Percent}% [{Escape(i.Title)}]({Link(i, currentPath)})");
            if (Facts(i) is { Length: > 0 } facts)
            {
                body.Append(" — ").Append(facts);
            }
            body.Append(newline);
            if (Symptom(i) is { } symptom)
            {
                body.Append("  ").Append(Escape(symptom)).Append(newline);
            }
            body.Append("  ").Append(Why(r)).Append(newline);
            if (i.RootCause is { Length: > 0 } cause)
            {
                body.Append("  Root cause: ").Append(Escape(cause)).Append(newline);
            }
            if (i.Resolution is { Length: > 0 } resolution)
            {
                body.Append("  Resolution: ").Append(Escape(resolution)).Append(newline);
            }
        }
        var content = body.ToString();
        var begin = string.Create(CultureInfo.InvariantCulture,
            $"<!-- lsptriage:begin {BlockKind} store={storeName} threshold={threshold:0.###} top={results.Count} hash={BlockHash.Of(content)} -->");
        return begin + newline + content + "<!-- lsptriage:end -->" + newline;
    }

    /// <summary>The hover card: up to five incidents, best first, each with its score, linked title, facts, why it
    /// matched, and its root cause and resolution when known.</summary>
    public static string RenderHover(IReadOnlyList<SimilarIncident> results, string? currentPath, string storeName)
    {
        var sb = new StringBuilder();
        sb.Append("**Similar past incidents** · ").Append(Method(results)).Append(" · ").Append(storeName).Append("\n\n");
        if (results.Count == 0)
        {
            sb.Append("No similar past incidents found.\n");
            return sb.ToString();
        }
        var n = 0;
        foreach (var r in results.Take(5))
        {
            var i = r.Incident;
            sb.Append(CultureInfo.InvariantCulture, $"{++n}. **{r.Percent}%** [{Escape(i.Title)}]({Link(i, currentPath)})");
            if (Facts(i) is { Length: > 0 } facts)
            {
                sb.Append(" — ").Append(facts);
            }
            sb.Append("  \n   ").Append(Why(r)).Append('\n');
            if (i.RootCause is { Length: > 0 } cause)
            {
                sb.Append("   Root cause: ").Append(Escape(cause)).Append("  \n");
            }
            if (i.Resolution is { Length: > 0 } resolution)
            {
                sb.Append("   Resolution: ").Append(Escape(resolution)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>"same failure: connection pool exhaustion · same service · shared: `max_connections` · wording 23%".</summary>
    public static string Why(SimilarIncident r)
    {
        var parts = new List<string>();
        if (r.Match is { } m)
        {
            parts.AddRange(m.Reasons.Where(x => x != "similar wording"));
        }
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"wording {r.LexicalPercent}% (pg_trgm)"));
        return string.Join(" · ", parts);
    }

    private static string Method(IReadOnlyList<SimilarIncident> results) =>
        results.Count > 0 && results[0].Match is null ? "lexical match (pg_trgm)" : "combined match (failure, service, identifiers, wording)";

    /// <summary>"3 similar incidents (best 85%)", or "No similar incidents".</summary>
    public static string CodeLensTitle(IReadOnlyList<SimilarIncident> results) => results.Count switch
    {
        0 => "No similar incidents",
        1 => $"1 similar incident ({results[0].Percent}%)",
        _ => string.Create(CultureInfo.InvariantCulture, $"{results.Count} similar incidents (best {results.Max(r => r.Percent)}%)"),
    };

    private static string? Symptom(IncidentRecord i)
    {
        var rest = i.Key.StartsWith(i.Title, StringComparison.Ordinal) ? i.Key[i.Title.Length..] : i.Key;
        var s = IncidentRecordReader.FirstSentence(rest);
        return s is { Length: > 0 } ? (s.Length > 200 ? s[..199] + "…" : s) : null;
    }

    private static string Facts(IncidentRecord i)
    {
        var parts = new List<string>();
        if (i.Service is { Length: > 0 } s)
        {
            parts.Add(Escape(s));
        }
        if (i.Date is { Length: > 0 } d)
        {
            parts.Add(d);
        }
        if (i.Severity is { Length: > 0 } sev)
        {
            parts.Add(Escape(sev));
        }
        return string.Join(" · ", parts);
    }

    private static string Link(IncidentRecord i, string? currentPath)
    {
        if (i.Path is null)
        {
            return "#";
        }
        if (currentPath is not null)
        {
            var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(currentPath))!, i.Path).Replace('\\', '/');
            if (!Path.IsPathRooted(relative))
            {
                return Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal);
            }
        }
        return i.FileUri!.AbsoluteUri;
    }

    // Keep titles from breaking the link or list syntax.
    private static string Escape(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
