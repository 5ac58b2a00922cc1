using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Rendering;

/// <summary>Section headings and labels of the rendered analysis, English and Chinese (they match the parser's aliases).</summary>
internal sealed record Headings(
    string Summary,
    string SeverityReasoning,
    string Hypotheses,
    string Evidence,
    string Refute,
    string Checklist,
    string Expected,
    string Mitigation,
    string Risk,
    string Rollback,
    string CustomerImpact,
    string Draft,
    string Timeline,
    string Impact,
    string RootCause,
    string Detection,
    string Response,
    string WentWell,
    string WentPoorly,
    string ActionItems,
    string FollowUps,
    string High,
    string Medium,
    string Low)
{
    public static readonly Headings English = new(
        "Summary", "Severity reasoning", "Root cause hypotheses", "Evidence", "Would refute it", "Investigation checklist", "Expected",
        "Mitigation plan", "Risk", "Rollback", "Customer impact", "Postmortem draft", "Timeline", "Impact", "Root cause",
        "Detection", "Response", "What went well", "What went poorly", "Action items", "Follow-ups", "high", "medium", "low");

    public static readonly Headings Chinese = new(
        "摘要", "严重级别依据", "根因假设", "证据", "可推翻的观察", "排查清单", "预期结果",
        "缓解方案", "风险", "回滚", "客户影响", "复盘草稿", "时间线", "影响", "根因",
        "检测", "响应", "做得好的", "做得不好的", "行动项", "后续跟进", "高", "中", "低");

    public static Headings For(AnalysisLanguage l) => l == AnalysisLanguage.Chinese ? Chinese : English;

    public string Confidence(Confidence c) => c switch
    {
        Model.Confidence.High => High,
        Model.Confidence.Medium => Medium,
        _ => Low,
    };
}
