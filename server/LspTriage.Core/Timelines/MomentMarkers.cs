using System.Text.RegularExpressions;

namespace LspTriage.Core.Timelines;

/// <summary>
/// Which timeline entries mark the incident's moments. An explicit marker in the entry wins: <c>[onset]</c>,
/// <c>[detected]</c>, <c>[mitigated]</c>, <c>[resolved]</c> (or <c>[开始]</c>, <c>[发现]</c>, <c>[缓解]</c>, <c>[恢复]</c>);
/// else the words people use for them, in English and Chinese.
/// </summary>
public static partial class MomentMarkers
{
    public static IncidentMoment? Explicit(string text)
    {
        var m = ExplicitMarker().Match(text);
        if (!m.Success)
        {
            return null;
        }
        return m.Groups["m"].Value.ToLowerInvariant() switch
        {
            "onset" or "impact" or "开始" => IncidentMoment.Onset,
            "detected" or "detection" or "发现" => IncidentMoment.Detection,
            "mitigated" or "mitigation" or "缓解" => IncidentMoment.Mitigation,
            _ => IncidentMoment.Resolution,
        };
    }

    /// <summary>The word that says <paramref name="text"/> marks <paramref name="moment"/>, or null.</summary>
    public static string? Keyword(IncidentMoment moment, string text)
    {
        var regex = moment switch
        {
            IncidentMoment.Onset => Onset(),
            IncidentMoment.Detection => Detection(),
            IncidentMoment.Mitigation => Mitigation(),
            _ => Resolution(),
        };
        var m = regex.Match(text);
        return m.Success ? m.Value : null;
    }

    /// <summary>True for an entry that records a change (a deploy, a flag, a config push): the trigger, which comes before the impact.</summary>
    public static bool IsChange(string text) => Change().IsMatch(text);

    [GeneratedRegex(@"\b(?:deploy(?:ed|s|ment)?|rolled out|roll-?out|shipped|released|enabled|merged|applied|pushed|upgraded|config(?:uration)? change)\b|上线|发布|变更|部署", RegexOptions.IgnoreCase)]
    private static partial Regex Change();

    [GeneratedRegex(@"[\[【](?<m>onset|impact|detected|detection|mitigated|mitigation|resolved|resolution|开始|发现|缓解|恢复)[\]】]", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitMarker();

    [GeneratedRegex(@"\b(?:first\b[^.;]{0,40}?\b(?:errors?|alerts?|failures?|timeouts?|reports?|5xx|500s?)|(?:errors?|failures?|timeouts?|5xx|impact|outage|latency)\s+(?:start(?:s|ed)?|began|begins|spik(?:e|ed|es)|jump(?:s|ed)?|climb(?:s|ed)?|ris(?:e|es|ing)|rose)|start(?:s|ed)? failing|began failing|onset)\b|首次|开始(?:出现|报错|失败|超时)|(?:错误|报错|失败|超时|延迟)(?:开始|飙升|上升|激增)", RegexOptions.IgnoreCase)]
    private static partial Regex Onset();

    [GeneratedRegex(@"\b(?:alert(?:ed|s)?|alarm(?:ed|s)?|pag(?:e|ed|es|ing)|fired|fires|firing|triggered|detected|noticed|reported|reports)\b|告警|报警|发现|收到|上报|反馈", RegexOptions.IgnoreCase)]
    private static partial Regex Detection();

    [GeneratedRegex(@"\b(?:mitigat\w*|roll(?:ed|ing)?[ -]?back|revert(?:ed|ing)?|disabl(?:e|ed|ing)|failover|failed over|restart(?:ed|ing)?|scal(?:e|ed|ing) (?:up|out)|throttl\w*|rate[- ]limit\w*|cordon(?:ed)?|drain(?:ed)?|workaround|flag (?:off|flipped)|shed(?:ding)?|blocked|purged|promoted)\b|回滚|缓解|限流|扩容|重启|切换|降级|摘除|止血|熔断|禁用|隔离", RegexOptions.IgnoreCase)]
    private static partial Regex Mitigation();

    [GeneratedRegex(@"\b(?:resolved|recovered|recovery complete|back to (?:normal|baseline)|(?:is|are|rate|latency|traffic|service|errors?) (?:back )?normal|returned to normal|restored|all clear|fully recovered|closed the incident)\b|恢复|正常|解决|结束", RegexOptions.IgnoreCase)]
    private static partial Regex Resolution();
}
