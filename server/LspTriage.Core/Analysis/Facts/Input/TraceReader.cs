using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Trace spans with their durations, from tree views (<c>└─ postgres SELECT orders 4.81s</c>) and span lines.</summary>
internal static partial class TraceReader
{
    [GeneratedRegex(@"(?<d>(?<n>\d+(\.\d+)?)\s?(?<u>ms|s|µs|us))\b|""duration(_?ms)?""\s*:\s*(?<jn>\d+(\.\d+)?)|\bduration(_?ms)?=(?<jn>\d+(\.\d+)?)")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^[\s├└│┬┌─▼▶|`+-]*")]
    private static partial Regex TreeGlyphs();

    [GeneratedRegex(@"(\s+\d+(\.\d+)?\s?(ms|s|µs|us))+\s*$")]
    private static partial Regex TrailingDuration();

    public static List<TraceSpan> Spans(IReadOnlyList<ContextClause> clauses)
    {
        var spans = new List<TraceSpan>();
        foreach (var c in clauses.Where(c => c.Source == FactSource.Trace))
        {
            var d = Duration().Matches(c.Text).LastOrDefault();
            if (d is null)
            {
                continue;
            }
            double ms;
            if (d.Groups["jn"].Success)
            {
                ms = double.Parse(d.Groups["jn"].Value, CultureInfo.InvariantCulture);
            }
            else
            {
                var n = double.Parse(d.Groups["n"].Value, CultureInfo.InvariantCulture);
                ms = d.Groups["u"].Value switch { "s" => n * 1000, "ms" => n, _ => n / 1000 };
            }
            var name = c.Text[..d.Index];
            name = name[TreeGlyphs().Match(name).Length..];
            // Jaeger prints the start offset before the duration ("fetch[DE-01]   222ms   4.66s").
            name = TrailingDuration().Replace(name, "").Trim(' ', '\t', ':', '-', '—', '(');
            spans.Add(new TraceSpan(name.Length > 0 ? name : c.Text, ms, d.Value, c));
        }
        return spans;
    }
}
