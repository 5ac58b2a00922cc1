using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Statements that rule a cause out ("CPU: 35% (normal)", "No infra/DB changes"), unless later retracted.</summary>
internal static partial class RuledOutReader
{
    [GeneratedRegex(@"mis-?diagnos\w*|misdiagnos\w*|turned out|was wrong|incorrect|误判", RegexOptions.IgnoreCase)]
    internal static partial Regex Retracted();

    [GeneratedRegex(@"\bCPU\b[^\n]{0,40}?\b(normal|fine|ok|healthy|flat|low)\b|CPU[^\n]{0,20}正常", RegexOptions.IgnoreCase)]
    private static partial Regex CpuNormal();

    [GeneratedRegex(@"\b(memory|heap|RSS)\b[^\n]{0,40}?\b(normal|fine|ok|flat|stable|healthy)\b|内存[^\n]{0,20}正常", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryNormal();

    [GeneratedRegex(@"\bdisk\b[^\n]{0,40}?\b(normal|fine|ok|flat|healthy)\b|磁盘[^\n]{0,20}正常", RegexOptions.IgnoreCase)]
    private static partial Regex DiskNormal();

    [GeneratedRegex(@"\bno\s+(traffic|load|request)\s+(spike|increase|surge|change)|\b(traffic|request rate|RPS|QPS|load)\b[^\n]{0,40}?\b(normal|flat|unchanged|steady|stable|as usual)\b|流量[^\n]{0,10}(正常|平稳|无明显变化)", RegexOptions.IgnoreCase)]
    private static partial Regex TrafficNormal();

    [GeneratedRegex(@"\bDNS\b[^\n]{0,40}?\b(normal|fine|ok|healthy|resolv\w+ (fine|correctly))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DnsNormal();

    [GeneratedRegex(@"\b(network|packet loss)\b[^\n]{0,40}?\b(normal|fine|ok|healthy|none)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkNormal();

    [GeneratedRegex(@"\b(no|not a single|not one|zero|without( any)?)\s+(\w+\s+){0,2}429s?\b|\bno (rate[- ]limit\w*|throttl\w*)\b(?!\s+(periods|of (the )?CPU))|\bnot (being )?(rate[- ]limited|throttled)|没有(任何)?\s*429|没有触发限流|未触发限流|没有被限流", RegexOptions.IgnoreCase)]
    private static partial Regex NoRateLimit();

    public static IReadOnlyList<RuledOutCause> Read(IReadOnlyList<ContextClause> clauses)
    {
        var result = new List<RuledOutCause>();
        foreach (var c in clauses)
        {
            // Tool output states facts, not conclusions: "CPU  12%" in a table rules nothing out.
            if (c.Source is not (FactSource.Prose or FactSource.Chat) || Retracted().IsMatch(c.Text))
            {
                continue;
            }
            void Add(string topic)
            {
                if (!result.Any(r => r.Topic == topic && r.Clause == c))
                {
                    result.Add(new RuledOutCause(topic, c));
                }
            }
            if (CpuNormal().IsMatch(c.Text) || (c.Text.Contains("CPU", StringComparison.OrdinalIgnoreCase) && c.Text.Contains("(normal)", StringComparison.OrdinalIgnoreCase)))
            {
                Add("cpu");
            }
            if (MemoryNormal().IsMatch(c.Text))
            {
                Add("memory");
            }
            if (DiskNormal().IsMatch(c.Text))
            {
                Add("disk");
            }
            if (TrafficNormal().IsMatch(c.Text))
            {
                Add("traffic");
            }
            if (DnsNormal().IsMatch(c.Text))
            {
                Add("dns");
            }
            if (NetworkNormal().IsMatch(c.Text))
            {
                Add("network");
            }
            if (NoRateLimit().IsMatch(c.Text))
            {
                Add("rate-limit");
            }
            foreach (Match m in EventClassifier.NoChanges().Matches(c.Text))
            {
                var what = m.Groups["what"].Value.ToLowerInvariant();
                var any = false;
                if (what.Contains("infra") || what.Contains("基础"))
                {
                    Add("infra");
                    any = true;
                }
                if (what.Contains("db") || what.Contains("database") || what.Contains("数据库"))
                {
                    Add("db");
                    any = true;
                }
                if (what.Contains("config") || what.Contains("配置"))
                {
                    Add("config");
                    any = true;
                }
                if (!any || what.Contains("code") || what.Contains("app") || what.Contains("代码"))
                {
                    Add("deploy");
                }
            }
        }
        return result;
    }
}
