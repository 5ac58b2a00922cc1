using System.Text.RegularExpressions;
using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Analysis.Grounding;

/// <summary>
/// Finds every number, time, date, version and quoted message in generated markdown that the raw context does not
/// support. Unit and format variants count as the same (4.8s = 4.8 s = 4800ms; 5min = 5 minutes); a whole-minute gap
/// between two times of the context is supported; code (spans and fences), HTML comments, the run line and list
/// numbering are not claims. Pure: spans are offsets into <c>generated</c>.
/// </summary>
public static partial class GroundingChecker
{
    public const string DiagnosticCode = "LT020";

    private const string Units = @"%|ms|secs?|seconds?|s|mins?|minutes?|m|hours?|hrs?|h|days?|d|KiB|MiB|GiB|TiB|Ki|Mi|Gi|Ti|KB|MB|GB|TB|k|K|M|rows|req/s|rps|qps|x|秒|分钟|小时|天";

    [GeneratedRegex(@"(?<![0-9:.])(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(:[0-5]\d)?(?![0-9])")]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<![0-9])\d{4}-\d{2}-\d{2}(?![0-9])")]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[vV](?<v>\d+(\.\d+)+)(?![0-9])|(?<![A-Za-z0-9_.])(?<v>\d+\.\d+\.\d+)(?![0-9.])")]
    private static partial Regex Version();

    [GeneratedRegex(@"""(?<q>[^""\n]{3,200})""|“(?<q>[^”\n]{3,200})”|「(?<q>[^」\n]{3,200})」|(?<![A-Za-z0-9_])'(?<q>[^'\n]{3,200})'(?![A-Za-z0-9_])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-/$#])(?<n>\d[\d,]*(\.\d+)?)(\s?(?<u>" + Units + @"))?(?![A-Za-z0-9_])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(dozens|hundreds|thousands|millions|tens of thousands|hundreds of thousands)\b|数十|数百|上百|数千|上千|数万|上万|成千上万|几千|几百|几万", RegexOptions.IgnoreCase)]
    private static partial Regex Vague();

    [GeneratedRegex(@"```.*?(```|\z)|`[^`\n]*`|<!--.*?-->|" + PlaceholderScanner.BuiltInPattern, RegexOptions.Singleline)]
    private static partial Regex NotClaims();

    [GeneratedRegex(@"^.*↑ / .*↓ tok.*$", RegexOptions.Multiline)]
    private static partial Regex RunLineRegex();

    [GeneratedRegex(@"^\s*\d+[.)]\s", RegexOptions.Multiline)]
    private static partial Regex ListNumber();

    public static IReadOnlyList<UnsupportedClaim> Check(string generated, string rawContext)
    {
        var context = ContextIndex.Build(rawContext);
        var masked = new bool[generated.Length];
        void Mask(int start, int length)
        {
            for (var i = start; i < start + length && i < masked.Length; i++)
            {
                masked[i] = true;
            }
        }
        foreach (Match m in NotClaims().Matches(generated))
        {
            Mask(m.Index, m.Length);
        }
        foreach (Match m in RunLineRegex().Matches(generated))
        {
            Mask(m.Index, m.Length);
        }
        foreach (Match m in ListNumber().Matches(generated))
        {
            Mask(m.Index, m.Length);
        }
        bool IsMasked(Match m) => masked[m.Index];

        var claims = new List<UnsupportedClaim>();
        foreach (Match m in Quoted().Matches(generated))
        {
            if (IsMasked(m))
            {
                continue;
            }
            var q = m.Groups["q"].Value;
            if (!context.ContainsText(q))
            {
                claims.Add(new UnsupportedClaim(new TextSpan(m.Index, m.Length), m.Value, ClaimKind.Quote));
            }
            Mask(m.Index, m.Length);
        }
        foreach (Match m in Date().Matches(generated))
        {
            if (IsMasked(m))
            {
                continue;
            }
            if (!context.ContainsText(m.Value))
            {
                claims.Add(new UnsupportedClaim(new TextSpan(m.Index, m.Length), m.Value, ClaimKind.Date));
            }
            Mask(m.Index, m.Length);
        }
        foreach (Match m in Time().Matches(generated))
        {
            if (IsMasked(m))
            {
                continue;
            }
            var minute = int.Parse(m.Groups["h"].Value) * 60 + int.Parse(m.Groups["m"].Value);
            if (!context.Minutes.Contains(minute))
            {
                claims.Add(new UnsupportedClaim(new TextSpan(m.Index, m.Length), m.Value, ClaimKind.Time));
            }
            Mask(m.Index, m.Length);
        }
        foreach (Match m in Version().Matches(generated))
        {
            if (IsMasked(m))
            {
                continue;
            }
            if (!context.Versions.Contains(m.Groups["v"].Value))
            {
                claims.Add(new UnsupportedClaim(new TextSpan(m.Index, m.Length), m.Value, ClaimKind.Version));
            }
            Mask(m.Index, m.Length);
        }
        foreach (Match m in Vague().Matches(generated))
        {
            if (!IsMasked(m) && !context.ContainsText(m.Value))
            {
                claims.Add(new UnsupportedClaim(new TextSpan(m.Index, m.Length), m.Value, ClaimKind.VagueQuantity));
            }
        }
        foreach (Match m in Number().Matches(generated))
        {
            if (IsMasked(m))
            {
                continue;
            }
            var unit = m.Groups["u"].Value;
            var q = Quantity.Parse(m.Groups["n"].Value, unit);
            if (q is null || context.Supports(q.Value, m.Groups["n"].Value))
            {
                continue;
            }
            claims.Add(new UnsupportedClaim(new TextSpan(m.Index, m.Length), m.Value, ClaimKind.Number));
        }
        claims.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return claims;
    }

    /// <summary>What the raw context contains, normalised for lookups.</summary>
    private sealed class ContextIndex
    {
        private readonly string _normalizedText;
        private readonly List<Quantity> _quantities = [];
        private readonly HashSet<string> _rawNumbers = [];
        private readonly HashSet<double> _gapMinutes = [];

        private ContextIndex(string text)
        {
            _normalizedText = NormalizeText(text);
        }

        public HashSet<int> Minutes { get; } = [];

        public HashSet<string> Versions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public static ContextIndex Build(string raw)
        {
            var index = new ContextIndex(raw);
            foreach (Match m in Time().Matches(raw))
            {
                index.Minutes.Add(int.Parse(m.Groups["h"].Value) * 60 + int.Parse(m.Groups["m"].Value));
            }
            foreach (var a in index.Minutes)
            {
                foreach (var b in index.Minutes)
                {
                    if (b > a)
                    {
                        index._gapMinutes.Add(b - a);
                    }
                }
            }
            foreach (Match m in Version().Matches(raw))
            {
                index.Versions.Add(m.Groups["v"].Value);
            }
            // Numbers anywhere in the context, including inside identifiers' neighbours such as "~12M" or "5min".
            foreach (Match m in Regex.Matches(raw, @"(?<n>\d[\d,]*(\.\d+)?)(\s?(?<u>" + Units + @"))?(?![A-Za-z0-9_])"))
            {
                index._rawNumbers.Add(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal));
                if (Quantity.Parse(m.Groups["n"].Value, m.Groups["u"].Value) is { } q)
                {
                    index._quantities.Add(q);
                    if (q.Dimension != "")
                    {
                        // "500 / 500" and "500 connections" both support a bare 500.
                        if (Quantity.Parse(m.Groups["n"].Value, "") is { } bare)
                        {
                            index._quantities.Add(bare);
                        }
                    }
                }
            }
            return index;
        }

        public bool ContainsText(string s) => _normalizedText.Contains(NormalizeText(s), StringComparison.Ordinal);

        public bool Supports(Quantity q, string digits)
        {
            if (q.Dimension == "")
            {
                return _quantities.Any(c => c.SameAs(q)) || _rawNumbers.Contains(digits.Replace(",", "", StringComparison.Ordinal));
            }
            if (_quantities.Any(c => c.Dimension == q.Dimension && c.SameAs(q)))
            {
                return true;
            }
            return q.Dimension == "time" && q.Value % 60_000 == 0 && _gapMinutes.Contains(q.Value / 60_000);
        }

        private static string NormalizeText(string s) =>
            Regex.Replace(s.ToLowerInvariant().Replace('’', '\'').Replace('“', '"').Replace('”', '"'), @"\s+", " ").Trim();
    }
}
