using System.Text.RegularExpressions;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Core.Analysis.Offline;

/// <summary>Fills a postmortem draft from the facts; leaves <c>[FILL IN]</c> (<c>[待填写]</c> in Chinese) wherever the context cannot say.</summary>
internal static partial class DraftBuilder
{
    [GeneratedRegex(@"^\s*(-\s*)?((time|start(ed)?|onset|detected|began|开始时间|时间)\s*[:：]\s*)?(?<t>([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?)(\s*(UTC|Z|GMT)(\s?[+-]\s?\d{1,2}(:?\d\d)?)?)?\s*([—–:-]+\s*)?", RegexOptions.IgnoreCase)]
    internal static partial Regex LeadingTime();

    [GeneratedRegex(@"mis-?diagnos\w*|misdiagnos\w*|wrong|missed|delay\w*|confus\w*|误判", RegexOptions.IgnoreCase)]
    private static partial Regex WentPoorlyWords();

    public static PostmortemDraft Build(ContextFacts f, string summary, Hypothesis top, IReadOnlyList<FollowUp> followUps, AnalysisLanguage l)
    {
        var fill = PostmortemDraft.PlaceholderFor(l);
        var timeline = new List<string>();
        foreach (var e in f.KeyTimeline())
        {
            var text = LeadingTime().Replace(e.Clause.Text, "", 1).Trim();
            if (text.Length == 0)
            {
                var next = e.Clause.Index + 1 < f.Clauses.Count ? f.Clauses[e.Clause.Index + 1] : null;
                text = e.Kind != EventKind.Symptom ? e.Clause.Text
                    : next is { Minute: null } ? l.T($"Symptoms begin: {next.Text}", $"症状出现：{next.Text}")
                    : l.T("Symptoms begin", "症状出现");
            }
            var entry = $"{e.TimeText}{f.ZoneSuffix} — {text}";
            if (!timeline.Contains(entry))
            {
                timeline.Add(entry);
            }
        }
        if (!f.Timeline.Any(e => e.Kind == EventKind.Mitigation))
        {
            timeline.Add(l.T($"{fill} Mitigation and resolution", $"{fill} 缓解与恢复"));
        }

        var impact = new List<string>();
        foreach (var m in f.MetricChanges.Take(3))
        {
            impact.Add(m.Quote);
        }
        impact.Add(l.T($"Affected users and duration: {fill}", $"受影响用户数与持续时间：{fill}"));

        var rootCause = top.Confidence == Confidence.High
            ? top.Title
            : l.T($"{fill} (leading hypothesis, {top.Confidence.ToString().ToLowerInvariant()} confidence: {top.Title})", $"{fill}（主要假设：{top.Title}）");

        var detection = f.KeyTimeline().Where(e => e.Kind is EventKind.Alert or EventKind.CustomerReport).Select(e => $"{e.TimeText}{f.ZoneSuffix} — {LeadingTime().Replace(e.Clause.Text, "", 1).Trim()}").ToList();
        var response = f.KeyTimeline().Where(e => e.Kind == EventKind.Mitigation).Select(e => $"{e.TimeText}{f.ZoneSuffix} — {LeadingTime().Replace(e.Clause.Text, "", 1).Trim()}").ToList();

        var poorly = f.Clauses.Where(c => WentPoorlyWords().IsMatch(c.Text)).Select(c => LeadingTime().Replace(c.Text, "", 1).Trim()).Take(3).ToList();
        var change = f.LatestChangeBeforeOnset;
        var detectionMinute = f.Timeline.Where(e => e.Kind is EventKind.Alert).Select(e => (int?)e.Minute).FirstOrDefault();
        if (change?.Minute is { } cm && detectionMinute is { } dm && dm > cm)
        {
            poorly.Add(l.T($"{dm - cm} minutes passed between the change and the first alert", $"从变更到首次告警经过了 {dm - cm} 分钟"));
        }
        if (poorly.Count == 0)
        {
            poorly.Add(fill);
        }

        return new PostmortemDraft(
            l.T($"{summary} Resolution: {fill}", $"{summary}恢复方式：{fill}"),
            timeline,
            impact,
            rootCause,
            detection.Count > 0 ? string.Join(l.T("; ", "；"), detection) : fill,
            response.Count > 0 ? string.Join(l.T("; ", "；"), response) : fill,
            [fill],
            poorly,
            followUps.Select(x => $"**{x.Priority}** {x.Action} — {x.Owner}").ToList())
        {
            TimeZone = f.Zone,
        };
    }
}
