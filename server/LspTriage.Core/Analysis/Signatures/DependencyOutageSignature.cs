using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>An upstream dependency or vendor failing while our own side did not change.</summary>
internal sealed partial class DependencyOutageSignature : FailureSignature
{
    public override string Id => "dependency-outage";

    [GeneratedRegex(@"\b(vendor|third[- ]party|provider|upstream|partner|PSP|acquirer)\b|第三方|供应商|上游", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VendorPattern();

    [GeneratedRegex(@"status ?page|incident on|reported an incident|degraded performance|partial outage|major outage", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPagePattern();

    [GeneratedRegex(@"(502|503|504|bad gateway|gateway timeout|service unavailable)[^\n]{0,60}(from|upstream|api)|upstream (connect )?(error|timeout)|(timeout|timed out)[^\n]{0,40}(calling|to) [\w.-]+|调用[^\n]{0,20}超时", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpstreamErrorsPattern();

    [GeneratedRegex(@"\b(stripe|adyen|paypal|twilio|sendgrid|auth0|okta|s3|cloudflare|braintree|mapbox|shopify)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedVendorPattern();

    [GeneratedRegex(@"circuit breaker|breaker (open|tripped)|fallback", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CircuitPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("vendor", VendorPattern(), 2.5),
        Indicator.Of("status-page", StatusPagePattern(), 3),
        Indicator.Of("upstream-errors", UpstreamErrorsPattern(), 2.5),
        Indicator.Of("named-vendor", NamedVendorPattern(), 1.5),
        Indicator.Of("circuit", CircuitPattern(), 1),
    ];

    protected override double ChangeWeight => 0;

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        if (facts.IsRuledOut("deploy") || facts.IsRuledOut("config"))
        {
            ev.Score += 1.5;
        }
        if (facts.LatestChangeBeforeOnset is { MinutesBeforeOnset: <= 60 })
        {
            ev.Score -= 1.5;
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"An upstream dependency of {svc} is failing or slow; {svc} passes its errors and timeouts on to users",
            $"{svc} 依赖的上游服务故障或变慢，错误和超时传导给用户");
        return Result(ev, title,
            l.T("Direct calls to the dependency succeed with normal latency, or the vendor's status page and other customers show no problem.", "直接调用依赖方成功且延迟正常，或供应商状态页和其他客户均无异常。"),
            title,
            [
                Step(l, "Call the dependency directly from inside the cluster.", "在集群内直接调用依赖方。", "curl -sS -o /dev/null -w '%{http_code} %{time_total}s\\n' https://DEPENDENCY/health",
                    "Errors or slow responses from the dependency itself.", "依赖方本身报错或很慢。"),
                Step(l, "Break down our errors by upstream.", "按上游拆分错误。", $"kubectl logs -l app={svc} --since=30m | grep -Ei 'upstream|timeout|50[234]' | awk '{{print $NF}}' | sort | uniq -c | sort -rn | head",
                    "One upstream accounts for most errors.", "大部分错误来自同一个上游。"),
                Step(l, "Check the vendor status page and support channel.", "查看供应商状态页和支持渠道。", "curl -s https://STATUS-PAGE/api/v2/status.json",
                    "An open incident matching the onset.", "存在与开始时间吻合的事件。"),
            ],
            [
                Mitigate(l, "Fail over to a secondary provider or serve a degraded fallback; open the circuit breaker to stop piling up timeouts.", "切换到备用供应商或降级兜底；打开熔断，避免超时堆积。",
                    "Fallback paths are rarely exercised and may have their own bugs.", "兜底路径很少运行，可能有自身问题。", "Switch back once the provider recovers.", "供应商恢复后切回。"),
                Mitigate(l, "Shorten timeouts and retries towards the dependency so our threads are not held.", "缩短对依赖方的超时和重试，避免线程被占满。",
                    "More fast failures for slow-but-working calls.", "慢但可用的请求会更快失败。", "Restore the previous timeouts.", "恢复原超时设置。"),
            ],
            [
                Follow(l, "P1", "Add a tested fallback or secondary provider for this dependency", "为该依赖增加经过演练的兜底或备用供应商", $"{svc} team", $"{svc} 团队"),
                Follow(l, "P2", "Alert on dependency error rate and latency separately from our own", "对依赖方错误率和延迟单独告警", "Observability team", "可观测性团队"),
            ]);
    }
}
