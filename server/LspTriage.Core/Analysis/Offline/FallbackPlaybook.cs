using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Signatures;
using LspTriage.Core.Analysis.Stacks;
using static LspTriage.Core.Analysis.Signatures.Playbook;

namespace LspTriage.Core.Analysis.Offline;

/// <summary>
/// When no failure signature fits: lead with the evidence itself (the most specific error about the subject, when and
/// how often), say that nothing matched, and give the generic investigation and mitigation every incident deserves.
/// </summary>
internal static class FallbackPlaybook
{
    public static Hypothesis Hypothesis(ContextFacts f, AnalysisLanguage l)
    {
        var who = f.Service ?? l.T("The service", "该服务");
        var evidence = new List<string>();
        string title;
        if (SubjectEvidence.MostSpecificError(f) is { } err)
        {
            var first = err.Clause.TimeText is { } t ? l.T($", first seen at {t}{f.ZoneSuffix}", $"，首次出现于 {t}{f.ZoneSuffix}") : "";
            var often = err.Clause.Count > 1 ? l.T($", {err.Clause.Count} lines", $"，共 {err.Clause.Count} 行") : "";
            var where = err.Clause.Source == FactSource.Log ? l.T(" in its logs", "（日志中）") : "";
            title = l.T($"{who} fails with {SubjectEvidence.Code(err.Message)}{where}{first}{often}; no known failure signature matched, so find what produces this error",
                $"{who} 报错 {SubjectEvidence.Code(err.Message)}{where}{first}{often}；未匹配任何已知故障模式，需查明该错误的来源");
            evidence.Add(Quote.Around(err.Clause.Text, err.Clause.Text.IndexOf(err.Message, StringComparison.Ordinal) is var i and >= 0 ? i : 0));
        }
        else if (SubjectEvidence.LoudestWarning(f) is { } e)
        {
            title = l.T($"{who} is affected by {e.Reason}: {SubjectEvidence.Code(e.Message)}; no known failure signature matched",
                $"{who} 受 {e.Reason} 影响：{SubjectEvidence.Code(e.Message)}；未匹配任何已知故障模式");
            evidence.Add(Quote.Around(e.Clause.Text, 0));
        }
        else if (SubjectEvidence.Terminal(f) is { } s)
        {
            title = l.T($"{who} is in {s.Reason}; no known failure signature matched", $"{who} 处于 {s.Reason}；未匹配任何已知故障模式");
            evidence.Add(Quote.Around(s.Clause.Text, 0));
        }
        else
        {
            title = l.T("No known failure signature matched and the context shows no specific error; collect the affected service's errors and recent changes",
                "未匹配任何已知故障模式，上下文也没有具体错误；请收集受影响服务的错误信息和近期变更");
        }
        foreach (var c in f.Clauses.Where(c => c.Relevance != Relevance.Tooling && EventClassifier.Classify(c.Text, c.Source) == EventKind.Symptom).Take(3))
        {
            SignatureEvidence.Add(evidence, Quote.Around(c.Text, 0));
        }
        return new Hypothesis(title, Confidence.Low, evidence.Take(4).ToList(),
            l.T("The error stops while the symptoms continue, or it also appears before the incident.", "症状持续时该错误停止，或在故障之前也存在。"));
    }

    /// <summary>What changed, the workload's state and events, the previous logs, dependencies, saturation — with kubectl only when the context is on Kubernetes.</summary>
    public static IReadOnlyList<ChecklistStep> Checklist(ContextFacts f, IReadOnlySet<Technology> stack, AnalysisLanguage l)
    {
        var svc = f.Service ?? "SERVICE";
        var ns = f.Subject.Namespace ?? "NAMESPACE";
        var k8s = stack.Contains(Technology.Kubernetes);
        return
        [
            Step(l, "Find what changed just before the onset: deploys, config, flags, infrastructure.", "查找故障开始前的变更：发布、配置、开关、基础设施。",
                k8s ? $"kubectl rollout history -n {ns} deploy/{svc}; git log --since='6 hours ago' --oneline" : "git log --since='6 hours ago' --oneline; # and the deploy tool's history",
                "A change shortly before the first error.", "首个错误前不久的变更。"),
            k8s
                ? Step(l, "Read the workload's state and events.", "查看工作负载的状态和事件。", $"kubectl describe pod -n {ns} -l app={svc}; kubectl get events -n {ns} --sort-by=.lastTimestamp | tail -n 30",
                    "Restarts, probe failures, scheduling or pull errors.", "重启、探针失败、调度或拉取错误。")
                : Step(l, "Read the service's state on its hosts.", "查看服务在主机上的状态。", $"systemctl status {svc}; journalctl -u {svc} --since '-2h' | grep -iE 'error|fatal|killed' | head -n 50",
                    "Restarts, crashes or the first error.", "重启、崩溃或首个错误。"),
            Step(l, "Read the logs around the first error (the previous container's, if it restarted).", "查看首个错误前后的日志（若重启过，看上一个容器的）。",
                k8s ? $"kubectl logs -n {ns} deploy/{svc} --previous --tail=200" : $"journalctl -u {svc} --since '-2h' --no-pager | tail -n 200",
                "The first error and what precedes it.", "首个错误及其之前的日志。"),
            Step(l, "Check the health of the dependencies the error names.", "检查报错中提到的依赖的健康状况。", "Dependency dashboards: error rate, latency, saturation for the same window",
                "A dependency failing at the same time.", "同一时段出故障的依赖。"),
            Step(l, "Check saturation of the service itself.", "检查服务自身的资源饱和度。", k8s ? $"kubectl top pod -n {ns} -l app={svc}" : "top -b -n 1 | head -n 20; df -h; free -m",
                "CPU, memory or disk at the limit.", "CPU、内存或磁盘达到上限。"),
        ];
    }

    public static IReadOnlyList<MitigationStep> Mitigations(AnalysisLanguage l) =>
    [
        Mitigate(l, "Roll back the last change made before the onset.", "回滚故障开始前的最后一次变更。",
            "Other changes shipped with it are withdrawn too.", "同批上线的其他改动也会被撤回。", "Re-apply the change once the cause is understood.", "查明原因后重新上线。"),
        Mitigate(l, "Restart the affected pods or fail over to a healthy replica or region.", "重启受影响的 pod，或切换到健康的副本或区域。",
            "In-flight requests are dropped; a restart hides state worth inspecting (capture logs first).", "进行中的请求会丢失；重启会抹掉值得检查的现场（先保存日志）。", "Fail back once the primary path is healthy.", "主路径恢复后切回。"),
        Mitigate(l, "Shed or rate-limit non-critical load on the failing path.", "对故障路径上的非关键流量限流或降级。",
            "Shed requests fail for their users.", "被限流的请求对用户失败。", "Remove the limit.", "取消限流。"),
    ];
}
