using System.Globalization;
using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Metric changes ("p99 from 120ms to 4.8s"), saturated ratios ("500 / 500") and the error rate.</summary>
internal static partial class MetricReader
{
    [GeneratedRegex(@"\G\s*(([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?\s*(UTC|GMT|Z)?\s*([+-]\d{1,2}(:?\d\d)?)?)?\s*[—–-]*\s*")]
    private static partial Regex LeadingTimeOrDash();

    [GeneratedRegex(@"from\s+(?<from>~?\d[\d.,]*\s?(%|ms|s|sec|m|min|h|k|K|M|GB|MB|KB|rps|req/s|qps)?)\s+to\s+(?<to>~?\d[\d.,]*\s?(%|ms|s|sec|m|min|h|k|K|M|GB|MB|KB|rps|req/s|qps)?)(?!\w|\.\d)|从\s*(?<from>~?\d[\d.,]*\s?(%|ms|s|m|min|GB|MB|k|K|M)?)\s*(上升|升|涨|增加|增长|下降|降|跌)?(到|至)\s*(?<to>~?\d[\d.,]*\s?(%|ms|s|m|min|GB|MB|k|K|M)?)", RegexOptions.IgnoreCase)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"(?<![\d.])(?<a>\d+)\s*/\s*(?<b>\d+)(?![\d.])")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(\.\d+)?)\s?%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b(error|errors|5xx|5\d\d|failure|failed|fail rate|error rate|success rate)\b|错误率|失败率|报错", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorRateWords();

    [GeneratedRegex(@"success rate|成功率", RegexOptions.IgnoreCase)]
    private static partial Regex SuccessRate();

    [GeneratedRegex(@"^\s*(to|→|->|=>|到|至|升到|降到|上升到|下降到)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Transition();

    [GeneratedRegex(@"\b(unchanged|steady|as usual)\b|不变|无变化", RegexOptions.IgnoreCase)]
    private static partial Regex Unchanged();

    public static List<MetricChange> Changes(IReadOnlyList<ContextClause> clauses)
    {
        var result = new List<MetricChange>();
        foreach (var c in clauses)
        {
            foreach (Match m in FromTo().Matches(c.Text))
            {
                var metricStart = MetricStart(c.Text, m.Index);
                var lead = LeadingTimeOrDash().Match(c.Text, metricStart);
                if (lead.Success && lead.Index == metricStart && lead.Length > 0 && metricStart + lead.Length <= m.Index)
                {
                    metricStart += lead.Length;
                }
                var quote = c.Text[metricStart..(m.Index + m.Length)].Trim();
                var metric = c.Text[metricStart..m.Index].Trim();
                result.Add(new MetricChange(metric, m.Groups["from"].Value.Trim(), m.Groups["to"].Value.Trim(), quote, c));
            }
        }
        return result;
    }

    /// <summary>Clauses with a full ratio such as "500 / 500" (not 0/0 or 1/1, which say nothing about capacity).</summary>
    public static List<ContextClause> Saturations(IReadOnlyList<ContextClause> clauses) =>
        clauses.Where(c => c.Source != FactSource.Table && Ratio().Matches(c.Text).Any(m => m.Groups["a"].Value == m.Groups["b"].Value && m.Groups["a"].Value != "0" && m.Groups["a"].Value != "1")).ToList();

    public static (double? Percent, string? Text) ErrorRate(IReadOnlyList<ContextClause> clauses)
    {
        double? errorRate = null;
        string? errorRateText = null;
        foreach (var c in clauses.Where(c => c.Source is not (FactSource.Table or FactSource.Log) && ErrorRateWords().IsMatch(c.Text) && !Unchanged().IsMatch(c.Text)))
        {
            if (SuccessRate().IsMatch(c.Text))
            {
                continue;
            }
            foreach (Match p in Percent().Matches(c.Text))
            {
                // The percentage must belong to an error word just before it ("5xx rate 22%"), not to "CPU 97%".
                var window = c.Text[Math.Max(0, p.Index - 40)..p.Index];
                var lastPercent = window.LastIndexOf('%');
                var own = lastPercent >= 0 ? window[(lastPercent + 1)..] : window;
                if (!ErrorRateWords().IsMatch(Transition().IsMatch(own) ? window : own))
                {
                    continue;
                }
                if (double.TryParse(p.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v <= 100 && (errorRate is null || v > errorRate))
                {
                    errorRate = v;
                    errorRateText = p.Value;
                }
            }
        }
        return (errorRate, errorRateText);
    }

    private static int MetricStart(string text, int fromIndex)
    {
        // Up to five words before "from", stopping at punctuation that ends a statement.
        var i = fromIndex;
        var words = 0;
        while (i > 0 && words < 6)
        {
            var ch = text[i - 1];
            var timeColon = ch == ':' && i < text.Length && char.IsDigit(text[i]) && i >= 2 && char.IsDigit(text[i - 2]);
            if ((ch is ',' or ';' or ':' or '(' or '，' or '；' or '：' && !timeColon) || (ch == '.' && (i < 2 || !char.IsDigit(text[i - 2]))))
            {
                break;
            }
            if (ch == ' ' && i - 2 >= 0 && text[i - 2] != ' ')
            {
                words++;
            }
            i--;
        }
        while (i < fromIndex && text[i] == ' ')
        {
            i++;
        }
        return i;
    }
}
