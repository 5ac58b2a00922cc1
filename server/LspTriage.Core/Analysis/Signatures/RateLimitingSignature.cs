using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Requests rejected by a rate limit or quota (ours or a provider's).</summary>
internal sealed partial class RateLimitingSignature : FailureSignature
{
    public override string Id => "rate-limiting";

    [GeneratedRegex(@"\b429\b|Too Many Requests|rate[- ]limit(ed|ing)?|ratelimit|(?<!(cpu|cfs|periods?)[^\n]{0,60})throttl(ed|ing|e)\b(?![^\n]{0,30}(periods|CPU|cpu))|限流", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TooManyRequestsPattern();

    [GeneratedRegex(@"quota|RESOURCE_EXHAUSTED|limit exceeded|usage limit|配额", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotaPattern();

    [GeneratedRegex(@"Retry-After|X-RateLimit|x-ratelimit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadersPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("429", TooManyRequestsPattern(), 5),
        Indicator.Of("quota", QuotaPattern(), 2.5),
        Indicator.Of("headers", HeadersPattern(), 1.5),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["rate-limit"];

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"{svc} hits a rate limit or quota{(ev.Change is null ? "" : $" after {ChangePhrase(ev.Change, l)}")}: calls are rejected with rate-limit or quota errors instead of being served",
            $"{svc} 触发限流或配额{(ev.Change is null ? "" : $"（{ChangePhrase(ev.Change, l)}之后）")}：请求被限流或配额错误拒绝");
        return Result(ev, title,
            l.T("The rejected calls show no rate-limit or quota responses, or usage is well below the limit.", "被拒绝的请求没有限流或配额错误，或用量远低于上限。"),
            title,
            [
                Step(l, "Count rejected calls by caller and endpoint.", "按调用方和接口统计被拒绝的请求。", $"kubectl logs -l app={svc} --since=30m | grep -E ' 429 |Too Many Requests|quota' | awk '{{print $7}}' | sort | uniq -c | sort -rn | head",
                    "One caller or endpoint dominates.", "某个调用方或接口占大多数。"),
                Step(l, "Read the limit headers.", "读取限流响应头。", "curl -sS -D - -o /dev/null https://API-HOST/ENDPOINT | grep -i -E 'ratelimit|retry-after'", "Remaining 0 and a Retry-After.", "剩余额度为 0 并带 Retry-After。"),
                Step(l, "Check the quota usage in the provider console or API.", "在供应商控制台查看配额用量。", "gcloud alpha services quota list --service=SERVICE --consumer=projects/PROJECT", "Usage at the limit.", "用量达到上限。"),
            ],
            [
                Mitigate(l, "Back off and retry with jitter honouring Retry-After; pause non-urgent callers.", "按 Retry-After 加抖动退避重试；暂停非紧急调用方。", "Higher latency for delayed work.", "延后任务延迟增加。", "Restore normal scheduling.", "恢复正常调度。"),
                Mitigate(l, "Request a quota increase or spread load across keys/projects allowed by the provider.", "申请提升配额，或按供应商允许的方式分摊到多个 key/项目。", "Cost rises with usage.", "费用随用量上升。", "Return to the previous quota.", "恢复原配额。"),
            ],
            [
                Follow(l, "P1", "Alert on quota usage before the limit and on rate-limited responses", "配额接近上限及被限流请求比例告警", "Observability team", "可观测性团队"),
                Follow(l, "P2", "Client-side rate limiting and batching for bulk callers", "批量调用方做客户端限流与合并", $"{svc} team", $"{svc} 团队"),
            ]);
    }
}
