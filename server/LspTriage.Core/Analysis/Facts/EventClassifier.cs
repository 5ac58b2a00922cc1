using System.Text.RegularExpressions;

namespace LspTriage.Core.Analysis.Facts;

/// <summary>Says whether a statement is a change, a mitigation, an alert, a customer report, a symptom or a note.</summary>
internal static partial class EventClassifier
{
    [GeneratedRegex(@"\b(rolled back|rollback (to|of)|roll(ed)? back to|restarted|scaled (up|out)|failover|failed over|mitigated|resolved|recovered|disabled the|disabled|paused the|paused|killed|terminated|drained|cordoned|cancel+ed|skipped|re-?created|raised|fallback|truncated|failed back)\b|回滚|重启|扩容|恢复|已修复|取消|终止|摘除|切换|预热", RegexOptions.IgnoreCase)]
    private static partial Regex MitigationWords();

    [GeneratedRegex(@"\b(deploy(ed|ment|s)?|shipped|released?|rolled out|rollout|roll-out|upgraded?|migration|merged|applied|config(uration)? (push|pushed|change|changed|update|updated)|feature flag|flag \S+ (enabled|flipped|turned on)|pushed|canary)\b|发布|上线|变更|部署|推送", RegexOptions.IgnoreCase)]
    internal static partial Regex ChangeWords();

    [GeneratedRegex(@"\b(config(uration)?|feature flag|flag|configmap|consul|etcd|settings?)\b|配置", RegexOptions.IgnoreCase)]
    internal static partial Regex ConfigWords();

    [GeneratedRegex(@"\b(pager|paged|alert|alerts|pagerduty|opsgenie|fired|FIRING)\b|告警|报警", RegexOptions.IgnoreCase)]
    private static partial Regex AlertWords();

    [GeneratedRegex(@"\b(customers? (report\w*|complain\w*|see|saw|cannot|can't|are (seeing|reporting|unable)|not receiving)|CS reports?|support( tickets?)?:|support tickets?|users? report(s|ed)?|complain\w*)|用户反馈|用户投诉|客服|客户反馈", RegexOptions.IgnoreCase)]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"\b(latency|errors?|5\d\d|5xx|timeouts?|timed out|fail\w*|down|unavailable|spike\w*|jump\w*|climb\w*|drop\w*|degrad\w*|OOM\w*|crash\w*|lag|backlog|exception|empty|returns no|no results|spins|gaps?|missing|stopped|stops|stall\w*|BackOff|Unhealthy|Evicted|refused)\b|延迟|错误|失败|超时|不可用|报错", RegexOptions.IgnoreCase)]
    private static partial Regex SymptomWords();

    [GeneratedRegex(@"\bno\s+(recent\s+)?(?<what>[\w/ -]{0,30}?)\s*(changes?|deploys?|deployments?|releases?)\b|没有(?<what>\S{0,6}?)(变更|发布)|无(?<what>\S{0,6}?)(变更|发布)", RegexOptions.IgnoreCase)]
    internal static partial Regex NoChanges();

    [GeneratedRegex(@"\b(deploy(ment)?|change|release)s? (history|log)\b:?", RegexOptions.IgnoreCase)]
    private static partial Regex SectionLabel();

    /// <summary>Log lines that announce a change themselves ("deployed version 2.3.1", "Scaled up replica set").</summary>
    [GeneratedRegex(@"\b(deployed|rolled out|released|upgraded|ScalingReplicaSet|config (reloaded|updated))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToolChangeWords();

    public static EventKind Classify(string text) => Classify(text, FactSource.Prose);

    /// <summary>
    /// Tool output names deployments and restarts in every row ("deployment.apps/checkout", "Restart Count: 3"):
    /// only people, alerts and log lines that announce a change say that something changed or was mitigated.
    /// </summary>
    public static EventKind Classify(string text, FactSource source)
    {
        text = SectionLabel().Replace(text, " ");
        var spoken = source is FactSource.Prose or FactSource.Chat;
        if (spoken && MitigationWords().IsMatch(text))
        {
            return EventKind.Mitigation;
        }
        if ((spoken || (source == FactSource.Log && ToolChangeWords().IsMatch(text))) && ChangeWords().IsMatch(text) && !NoChanges().IsMatch(text))
        {
            return EventKind.Change;
        }
        if ((spoken || source == FactSource.Alert) && AlertWords().IsMatch(text))
        {
            return EventKind.Alert;
        }
        if (spoken && ReportWords().IsMatch(text))
        {
            return EventKind.CustomerReport;
        }
        return SymptomWords().IsMatch(text) ? EventKind.Symptom : EventKind.Note;
    }
}
