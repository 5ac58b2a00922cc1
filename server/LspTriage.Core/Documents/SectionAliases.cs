namespace LspTriage.Core.Documents;

/// <summary>
/// Heading text → section kind, English and Chinese. Matching ignores case, surrounding punctuation, numbering
/// ("1. Summary") and a trailing qualifier in parentheses ("Timeline (UTC)").
/// </summary>
public static class SectionAliases
{
    private static readonly Dictionary<string, SectionKind> Table = Build(
        (SectionKind.RawContext, ["raw incident context", "raw context", "incident context", "context", "原始事件上下文", "原始上下文", "事件上下文"]),
        (SectionKind.Summary, ["summary", "executive summary", "overview", "incident summary", "摘要", "概述", "总结", "事件摘要"]),
        (SectionKind.Severity, ["severity", "severity reasoning", "严重程度", "严重级别", "定级"]),
        (SectionKind.Impact, ["impact", "impact assessment", "影响", "影响范围"]),
        (SectionKind.CustomerImpact, ["customer impact", "user impact", "客户影响", "用户影响"]),
        (SectionKind.Timeline, ["timeline", "timeline of events", "chronology", "时间线", "时间轴", "事件时间线"]),
        (SectionKind.RootCause, ["root cause", "root causes", "cause", "root cause analysis", "根因", "根本原因", "根因分析"]),
        (SectionKind.RootCauseHypotheses, ["root cause hypotheses", "hypotheses", "根因假设", "根因推测"]),
        (SectionKind.InvestigationChecklist, ["investigation checklist", "investigation", "排查清单", "调查清单"]),
        (SectionKind.Mitigation, ["mitigation", "mitigation plan", "resolution", "缓解措施", "缓解方案", "止损方案"]),
        (SectionKind.Detection, ["detection", "how it was detected", "检测", "发现", "发现方式"]),
        (SectionKind.Response, ["response", "incident response", "recovery", "响应", "处置", "应急响应"]),
        (SectionKind.WhatWentWell, ["what went well", "went well", "what went right", "做得好的", "做得好的地方", "亮点"]),
        (SectionKind.WhatWentPoorly, ["what went poorly", "what went wrong", "what went badly", "went poorly", "what didn't go so well", "what didn’t go so well", "what could have gone better", "做得不好的", "不足", "待改进"]),
        (SectionKind.LessonsLearned, ["lessons learned", "lessons", "经验教训"]),
        (SectionKind.ActionItems, ["action items", "actions", "corrective actions", "remediation", "行动项", "改进项", "后续行动"]),
        (SectionKind.FollowUps, ["follow-ups", "follow ups", "followups", "follow-up", "跟进事项", "后续跟进"]),
        (SectionKind.PostmortemDraft, ["postmortem draft", "postmortem", "post-mortem", "复盘草稿", "复盘"]),
        (SectionKind.SimilarIncidents, ["similar past incidents", "similar incidents", "相似历史事件", "相似事件"]),
        (SectionKind.Trigger, ["trigger", "triggers", "触发条件", "诱因"]),
        (SectionKind.Leadup, ["leadup", "lead-up", "lead up", "事件前因"]),
        (SectionKind.Fault, ["fault", "the fault", "故障点"]),
        (SectionKind.FiveWhys, ["five whys", "5 whys", "the five whys", "五个为什么"]),
        (SectionKind.ContributingFactors, ["contributing factors", "contributing factor", "促成因素"]),
        (SectionKind.WhatHappened, ["what happened", "事件经过"]),
        (SectionKind.Responders, ["responders", "incident responders", "响应人员"]),
        (SectionKind.Retrospective, ["how'd we do", "how’d we do", "how did we do", "retrospective", "复盘回顾"]));

    public static SectionKind Classify(string heading) => ClassifyNormalized(Normalize(heading));

    internal static SectionKind ClassifyNormalized(string key) => Table.TryGetValue(key, out var kind) ? kind : SectionKind.Other;

    /// <summary>The English heading we write for a kind, used by quick fixes that insert sections.</summary>
    public static string EnglishHeading(SectionKind kind) => kind switch
    {
        SectionKind.RawContext => "Raw incident context",
        SectionKind.RootCause => "Root cause",
        SectionKind.WhatWentWell => "What went well",
        SectionKind.WhatWentPoorly => "What went poorly",
        SectionKind.ActionItems => "Action items",
        SectionKind.FollowUps => "Follow-ups",
        SectionKind.CustomerImpact => "Customer impact",
        SectionKind.FiveWhys => "Five whys",
        SectionKind.ContributingFactors => "Contributing factors",
        SectionKind.WhatHappened => "What happened",
        SectionKind.Retrospective => "How'd we do",
        SectionKind.LessonsLearned => "Lessons learned",
        _ => kind.ToString(),
    };

    /// <summary>The Chinese heading for a kind, for documents written in Chinese.</summary>
    public static string ChineseHeading(SectionKind kind) => kind switch
    {
        SectionKind.Summary => "摘要",
        SectionKind.Impact => "影响",
        SectionKind.Timeline => "时间线",
        SectionKind.RootCause => "根因",
        SectionKind.Detection => "检测",
        SectionKind.Response => "响应",
        SectionKind.ActionItems => "后续行动",
        SectionKind.WhatWentWell => "做得好的",
        SectionKind.WhatWentPoorly => "做得不好的",
        SectionKind.RawContext => "原始事件上下文",
        _ => EnglishHeading(kind),
    };

    internal static string Normalize(string heading)
    {
        var s = heading.Trim();
        var paren = s.IndexOfAny(['(', '（']);
        if (paren > 0)
        {
            s = s[..paren];
        }
        s = s.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ')', ' ', '\t');
        s = s.Trim(' ', '\t', ':', '：', '*', '_', '`', '#', '?', '？');
        return s.ToLowerInvariant();
    }

    private static Dictionary<string, SectionKind> Build(params (SectionKind Kind, string[] Aliases)[] rows)
    {
        var table = new Dictionary<string, SectionKind>(StringComparer.Ordinal);
        foreach (var (kind, aliases) in rows)
        {
            foreach (var alias in aliases)
            {
                table[alias] = kind;
            }
        }
        return table;
    }
}
