using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>
/// The analysis sections that say nothing: blank, or only the <c>[FILL IN]</c> placeholder. The postmortem draft is
/// empty only when every part of it is; placeholders inside it are expected where the context cannot tell.
/// </summary>
internal static class EmptySections
{
    public static IReadOnlyList<string> Find(IncidentAnalysis a)
    {
        var empty = new List<string>();
        void Check(string name, bool isEmpty)
        {
            if (isEmpty)
            {
                empty.Add(name);
            }
        }
        Check("summary", Blank(a.Summary));
        Check("severity", Blank(a.Severity.Level) || Blank(a.Severity.Reasoning));
        Check("hypotheses", !a.Hypotheses.Any(h => !Blank(h.Title)));
        Check("checklist", !a.Checklist.Any(c => !Blank(c.Step) || !Blank(c.Command)));
        Check("mitigation", !a.Mitigations.Any(m => !Blank(m.Action)));
        Check("customer-impact", Blank(a.CustomerImpact));
        var d = a.PostmortemDraft;
        Check("postmortem-draft", new[] { d.Summary, d.RootCause, d.Detection, d.Response }.All(Blank)
            && new[] { d.Timeline, d.Impact, d.WentWell, d.WentPoorly, d.ActionItems }.All(list => list.All(Blank)));
        Check("follow-ups", !a.FollowUps.Any(f => !Blank(f.Action)));
        return empty;
    }

    private static bool Blank(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 || t == PostmortemDraft.Placeholder || t == "[待填写]";
    }
}
