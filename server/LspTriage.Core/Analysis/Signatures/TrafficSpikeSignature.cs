using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Load beyond capacity: a surge of legitimate or abusive traffic.</summary>
internal sealed partial class TrafficSpikeSignature : FailureSignature
{
    public override string Id => "traffic-spike";

    [GeneratedRegex(@"traffic (spike|surge|jump\w*|increase\w*|doubled|tripled)|(RPS|QPS|req/s|requests per second|request rate)[^\n]{0,40}(from|jump\w*|spike\w*|\dx|to)|(?<![\w.-])(flash sale|campaign|promo(tion)?s?|newsletter)(?![\w.-])|went viral|bot traffic|DDoS|流量(激增|突增|暴涨)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SurgePattern();

    [GeneratedRegex(@"autoscal\w*|HPA|max(imum)? replicas|at capacity|capacity|(?<!throttl[^\n]{0,40})CPU[^\n]{0,20}(9\d|100)\s?%|扩容", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapacityPattern();

    [GeneratedRegex(@"marketing|push notification|launch|announcement|活动|大促", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarketingPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("surge", SurgePattern(), 4.5),
        Indicator.Of("capacity", CapacityPattern(), 2),
        Indicator.Of("marketing", MarketingPattern(), 1.5),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["traffic"];

    protected override double ChangeWeight => 0;

    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        ev.CapUnless(2.5, "surge");
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T($"A traffic surge exceeded {svc}'s provisioned capacity; requests queue and time out",
            $"流量激增超出 {svc} 的容量，请求排队并超时");
        return Result(ev, title,
            l.T("Request rate at the edge stayed within its usual range during the onset.", "故障期间入口请求量在正常范围内。"),
            title,
            [
                Step(l, "Compare request rate with the usual baseline.", "对比请求量与日常基线。", $"kubectl top pods -l app={svc}; kubectl get hpa {svc}", "Rate well above baseline; HPA at max replicas.", "请求量远高于基线；HPA 已到最大副本数。"),
                Step(l, "Break traffic down by client and path.", "按客户端和路径拆分流量。", "awk '{print $1, $7}' /var/log/nginx/access.log | sort | uniq -c | sort -rn | head -n 20", "A few clients or one path dominate (abuse) or broad growth (real demand).", "少数客户端或单一路径占主导（滥用），或整体增长（真实需求）。"),
            ],
            [
                Mitigate(l, "Scale out (raise HPA max and node capacity) and shed low-priority traffic.", "扩容（提高 HPA 上限和节点容量）并丢弃低优先级流量。", "Cost; downstream dependencies get more load.", "成本上升；下游负载增加。", "Scale back after the peak.", "峰值过后缩容。"),
                Mitigate(l, "Rate-limit or block abusive clients at the edge.", "在入口对滥用客户端限流或封禁。", "False positives block real users.", "误伤真实用户。", "Remove the rule.", "删除规则。"),
            ],
            [
                Follow(l, "P1", "Load-test to the expected peak and set capacity alerts", "按预期峰值压测并设置容量告警", $"{svc} team", $"{svc} 团队"),
                Follow(l, "P2", "Share the marketing calendar with on-call", "与值班共享营销活动日历", "Product team", "产品团队"),
            ]);
    }
}
