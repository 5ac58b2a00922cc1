using System.Text.RegularExpressions;
using static LspTriage.Core.Analysis.Signatures.Playbook;
using LspTriage.Core.Analysis.Facts;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Processes killed at their memory limit.</summary>
internal sealed partial class OomKillSignature : FailureSignature
{
    public override string Id => "oom-kill";

    [GeneratedRegex(@"OOMKilled|out of memory|oom[- ]kill\w*|OutOfMemoryError|Killed process \d+|exit code:? +137|memory cgroup|内存溢出|内存不足", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OomPattern();

    [GeneratedRegex(@"CrashLoopBackOff|restart(s|ed|ing)?\b|重启", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RestartsPattern();

    [GeneratedRegex(@"(heap|RSS|memory|working set)[^\n]{0,40}(\d+\s?%|climb|grew|growing|increase|rising|limit|GiB|Gi\b|MiB)|内存[^\n]{0,10}(上涨|增长)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemoryGrowthPattern();

    [GeneratedRegex(@"GC (pause|overhead)|gc overhead|full GC", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GcPattern();

    protected override IReadOnlyList<Indicator> Indicators { get; } =
    [
        Indicator.Of("oom", OomPattern(), 5),
        Indicator.Of("restarts", RestartsPattern(), 1.5),
        Indicator.Of("memory-growth", MemoryGrowthPattern(), 2),
        Indicator.Of("gc", GcPattern(), 1),
    ];

    protected override IReadOnlyList<string> RefutingTopics => ["memory"];

    /// <summary>The kernel's own verdict, written by kubectl, is not a guess: OOMKilled with exit code 137 is certain.</summary>
    protected override void Adjust(SignatureEvidence ev, ContextFacts facts)
    {
        var oom = StateOf(facts, "OOMKilled");
        if (oom is not null && oom.Clause.Relevance != Relevance.Elsewhere && ev.Has("oom"))
        {
            ev.Score = Math.Max(ev.Score, oom.ExitCode == 137 || facts.Clauses.Any(c => c.Text.Contains("137", StringComparison.Ordinal)) ? 9 : 8);
        }
    }

    protected override SignatureMatch Describe(SignatureEvidence ev, ContextFacts f, AnalysisLanguage l)
    {
        var svc = Svc(f);
        var title = l.T(
            $"{svc} runs out of memory and is OOM-killed{(ev.Change is null ? "" : $" since {ChangePhrase(ev.Change, l)}")}; restarts drop in-flight requests",
            $"{svc} 内存耗尽被 OOM kill{(ev.Change is null ? "" : $"（始于{ChangePhrase(ev.Change, l)}之后）")}，重启导致进行中的请求失败");
        return Result(ev, title,
            l.T("Pods show no OOMKilled terminations and memory stays below the limit while errors continue.", "pod 没有 OOMKilled 记录，且出错期间内存一直低于上限。"),
            title,
            [
                Step(l, "Confirm the termination reason.", "确认容器终止原因。",
                    $"kubectl get pods -l app={svc} -o jsonpath='{{range .items[*]}}{{.metadata.name}} {{.status.containerStatuses[0].lastState.terminated.reason}}{{\"\\n\"}}{{end}}'",
                    "OOMKilled on the restarting pods.", "重启的 pod 显示 OOMKilled。"),
                Step(l, "Compare usage with the limit.", "对比内存用量和上限。", $"kubectl top pods -l app={svc}",
                    "Usage close to the memory limit.", "用量接近内存上限。"),
                Step(l, "Check kernel OOM messages on the node.", "检查节点内核 OOM 日志。", "journalctl -k --since '1 hour ago' | grep -i 'killed process'",
                    "Killed process lines for the service.", "出现该服务的 Killed process 记录。"),
            ],
            [
                Mitigate(l, "Raise the memory limit temporarily and restart gradually.", "临时提高内存上限并逐步重启。",
                    "Node pressure rises; pods may not schedule.", "节点内存压力上升，pod 可能无法调度。", "Restore the previous limit.", "恢复原上限。"),
                Mitigate(l, ev.Change is null ? "Reduce load on the service (shed or rate-limit heavy requests)." : $"Roll back {ChangePhrase(ev.Change, l)}.", ev.Change is null ? "降低服务负载（丢弃或限流重请求）。" : $"回滚{ChangePhrase(ev.Change, l)}。",
                    "Lost features or requests while degraded.", "降级期间功能或请求受损。", "Re-apply once memory usage is understood.", "查明内存问题后重新上线。"),
            ],
            [
                Follow(l, "P1", "Alert on container memory above a share of the limit and on OOMKilled restarts", "容器内存接近上限及 OOMKilled 重启时告警", "Platform team", "平台团队"),
                Follow(l, "P2", "Profile memory of the service under production-like load", "在类生产负载下分析服务内存", $"{svc} team", $"{svc} 团队"),
            ]);
    }
}
