using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Offline;

/// <summary>SEV1–SEV5 from the error rate, whether users or revenue paths are hit, and outage words. Quotes what it used.</summary>
internal static partial class SeverityAssessor
{
    [GeneratedRegex(@"checkout|payment|purchase|order|login|sign[- ]in|billing|settlement|支付|下单|登录|结算", RegexOptions.IgnoreCase)]
    private static partial Regex RevenuePath();

    [GeneratedRegex(@"\b(customers?|users?|CS reports?|support tickets?|complain\w*)\b|用户|客户|客服", RegexOptions.IgnoreCase)]
    private static partial Regex Users();

    [GeneratedRegex(@"\b(full outage|completely down|total outage|all requests fail\w*|site (is )?down|100\s?% (of )?(requests|errors))\b|全部不可用|完全不可用", RegexOptions.IgnoreCase)]
    private static partial Regex FullOutage();

    [GeneratedRegex(@"\b(data loss|lost data|corrupt\w*|wrong (balance|amount)s?|double[- ]charg\w*)\b|数据丢失|重复扣款", RegexOptions.IgnoreCase)]
    private static partial Regex DataIntegrity();

    [GeneratedRegex(@"fail\w*|error\w*|timeout|timed out|success rate|5xx|失败|错误|超时|成功率", RegexOptions.IgnoreCase)]
    private static partial Regex FailureWords();

    public static SeverityAssessment Assess(ContextFacts f, AnalysisLanguage l)
    {
        // Impact is what people say: a pod row named "checkout-…" or an RBAC group "system:authenticated users" is not.
        var spoken = f.Clauses.Where(c => c.Source is FactSource.Prose or FactSource.Chat && c.Relevance != Relevance.Tooling && !c.Text.Contains("system:", StringComparison.Ordinal)).ToList();
        var revenue = spoken.FirstOrDefault(c => RevenuePath().IsMatch(c.Text) && (Users().IsMatch(c.Text) || FailureWords().IsMatch(c.Text)));
        var users = spoken.FirstOrDefault(c => Users().IsMatch(c.Text));
        var outage = spoken.FirstOrDefault(c => FullOutage().IsMatch(c.Text));
        var integrity = spoken.FirstOrDefault(c => DataIntegrity().IsMatch(c.Text));
        var rate = f.ErrorRatePercent is { } er && f.FailureFromSuccessRate is { } sr ? Math.Max(er, sr) : f.ErrorRatePercent ?? f.FailureFromSuccessRate;

        int level;
        if (outage is not null || integrity is not null || rate >= 25 || (rate >= 5 && revenue is not null))
        {
            level = 1;
        }
        else if (rate >= 5 || (rate >= 1 && (users is not null || revenue is not null)) || revenue is not null)
        {
            level = 2;
        }
        else if (rate >= 1 || users is not null || SubjectEvidence.Terminal(f) is not null)
        {
            // A workload that cannot run (crash loop, OOMKilled, unschedulable, evicted) is an outage of that
            // workload until someone shows otherwise: SEV3 until the blast radius is known, never "no impact".
            level = 3;
        }
        else if (f.MetricChanges.Count > 0 || f.ErrorQuotes.Count > 0)
        {
            level = 4;
        }
        else
        {
            level = 5;
        }

        var reasons = new List<string>();
        if (f.ErrorRatePercent is not null && f.ErrorRateText is { } rt)
        {
            var change = f.MetricChanges.FirstOrDefault(m => m.To.Replace(" ", "") == rt.Replace(" ", ""));
            reasons.Add(change is not null
                ? l.T($"error rate reached {rt} (“{change.Quote}”)", $"错误率达到 {rt}（“{change.Quote}”）")
                : l.T($"error rate reached {rt}", $"错误率达到 {rt}"));
        }
        if (f.SuccessRateDrop is { } drop)
        {
            reasons.Add(l.T($"success rate fell (“{drop.Quote}”)", $"成功率下降（“{drop.Quote}”）"));
        }
        if (outage is not null)
        {
            reasons.Add(l.T($"full outage reported (“{outage.Text}”)", $"出现全面故障（“{outage.Text}”）"));
        }
        if (integrity is not null)
        {
            reasons.Add(l.T($"data integrity at risk (“{integrity.Text}”)", $"数据完整性受影响（“{integrity.Text}”）"));
        }
        if (revenue is not null)
        {
            reasons.Add(l.T($"a revenue or login path is affected (“{revenue.Text}”)", $"收入或登录路径受影响（“{revenue.Text}”）"));
        }
        else if (users is not null)
        {
            reasons.Add(l.T($"users are affected (“{users.Text}”)", $"用户受到影响（“{users.Text}”）"));
        }
        var latency = f.MetricChanges.FirstOrDefault(m => m.Metric.Contains("latency", StringComparison.OrdinalIgnoreCase) || m.Metric.Contains("p99", StringComparison.OrdinalIgnoreCase) || m.Metric.Contains("延迟", StringComparison.Ordinal));
        if (latency is not null)
        {
            reasons.Add(l.T($"latency degraded (“{latency.Quote}”)", $"延迟恶化（“{latency.Quote}”）"));
        }
        if (reasons.Count == 0 && SubjectEvidence.Terminal(f) is { } state)
        {
            reasons.Add(l.T($"{f.Service ?? "the workload"} is in {state.Reason}; the context does not say whether users are affected", $"{f.Service ?? "该工作负载"} 处于 {state.Reason}；上下文未说明用户是否受影响"));
        }
        if (reasons.Count == 0)
        {
            reasons.Add(l.T("the context shows no user-facing impact; confirm the blast radius", "上下文未显示对用户的影响，请确认影响范围"));
        }
        var sev = $"SEV{level}";
        var text = l.T($"{sev}: {Capitalize(string.Join("; ", reasons))}.", $"{sev}：{string.Join("；", reasons)}。");
        return new SeverityAssessment(sev, text);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
