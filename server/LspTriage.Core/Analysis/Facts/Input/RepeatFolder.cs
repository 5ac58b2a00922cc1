using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>
/// Folds repeated log lines (the same message apart from its timestamp, ids and numbers) into their first occurrence
/// with a count, so forty identical health checks are one fact seen forty times.
/// </summary>
internal static partial class RepeatFolder
{
    [GeneratedRegex(@"^\s*\[?(\d{4}-\d\d-\d\d[T ])?\d{1,2}:\d\d(:\d\d)?([.,]\d+)?(Z|[+-]\d\d:?\d\d)?\]?\s*|^[A-Z][a-z]{2}\s+\d{1,2} \d\d:\d\d:\d\d\s*|^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+\s*")]
    private static partial Regex LeadingTimestamp();

    [GeneratedRegex(@"""(ts|time|timestamp|@timestamp|trace_?id|span_?id|request_?id)""\s*:\s*(""[^""]*""|[\d.]+)|\b(ts|time|trace_?id|span_?id|request_?id)=\S+|\b[0-9a-f]{8,}\b|\d+(\.\d+)?")]
    private static partial Regex Variable();

    public static List<ContextClause> Fold(List<ContextClause> clauses)
    {
        var result = new List<ContextClause>(clauses.Count);
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in clauses)
        {
            if (c.Source != FactSource.Log || c.Text.Length < 12)
            {
                result.Add(c);
                continue;
            }
            var key = Variable().Replace(LeadingTimestamp().Replace(c.Text, "", 1), "#");
            if (firstByKey.TryGetValue(key, out var at))
            {
                var first = result[at];
                result[at] = first with { Count = first.Count + 1, LastTimeText = c.TimeText ?? first.LastTimeText };
                continue;
            }
            firstByKey[key] = result.Count;
            result.Add(c);
        }
        return result;
    }
}
