using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Signatures;

/// <summary>Builders for bilingual checklist, mitigation and follow-up entries.</summary>
internal static class Playbook
{
    public static ChecklistStep Step(AnalysisLanguage l, string en, string zh, string command, string expectedEn, string expectedZh) =>
        new(l.T(en, zh), command, l.T(expectedEn, expectedZh));

    public static MitigationStep Mitigate(AnalysisLanguage l, string en, string zh, string riskEn, string riskZh, string rollbackEn, string rollbackZh) =>
        new(l.T(en, zh), l.T(riskEn, riskZh), l.T(rollbackEn, rollbackZh));

    public static FollowUp Follow(AnalysisLanguage l, string priority, string en, string zh, string ownerEn, string ownerZh) =>
        new(priority, l.T(en, zh), l.T(ownerEn, ownerZh));
}
