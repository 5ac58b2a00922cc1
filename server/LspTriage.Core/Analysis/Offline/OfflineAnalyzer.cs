using System.Diagnostics;
using LspTriage.Core.Analysis.Facts;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Signatures;
using LspTriage.Core.Analysis.Stacks;

namespace LspTriage.Core.Analysis.Offline;

/// <summary>
/// The default analyzer: deterministic rules over extracted facts, no network. Every statement it makes either quotes
/// the context or is a playbook step; numbers in its prose come from the context only.
/// </summary>
public sealed class OfflineAnalyzer : IIncidentAnalyzer
{
    public const string ProviderName = "offline";
    public const string ModelName = "offline-rules";
    private const int MaxHypotheses = 4;

    private readonly IReadOnlyList<IFailureSignature> _signatures;

    public OfflineAnalyzer(IReadOnlyList<IFailureSignature>? signatures = null)
    {
        _signatures = signatures ?? SignatureLibrary.All;
    }

    public Task<IncidentAnalysis> AnalyzeAsync(IncidentContext context, AnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("Analyzing the raw context offline", 0));
        var result = Analyze(context, options.Language);
        progress?.Report(new AnalysisProgress("Offline analysis done", 100));
        return Task.FromResult(result);
    }

    public IncidentAnalysis Analyze(IncidentContext context, AnalysisLanguage language)
    {
        var sw = Stopwatch.StartNew();
        var facts = FactExtractor.Extract(context.RawContext, context.Title, context.Service);
        var matches = Rank(facts, language);
        var analysis = Build(facts, matches, language);
        return analysis with
        {
            Run = new RunInfo(ProviderName, ModelName, "none", language.Code(), sw.ElapsedMilliseconds, 0, 0, 0m, []),
        };
    }

    /// <summary>
    /// Runs every rule once on a small text so the first real analysis does not pay for JIT and regex construction
    /// (~100 ms cold on the team machines). Call it in the background when the server starts.
    /// </summary>
    public static void WarmUp() =>
        new OfflineAnalyzer().Analyze(new IncidentContext("Time: 10:00 UTC. api-svc error rate climbed from 0.1% to 5%. 09:55 UTC — api-svc v1.2 deployed."), AnalysisLanguage.English);

    /// <summary>All matching signatures, strongest first.</summary>
    public IReadOnlyList<SignatureMatch> Rank(ContextFacts facts, AnalysisLanguage language)
    {
        var ranked = _signatures
            .Select((s, i) => (Match: s.Match(facts, language)!, Order: i))
            .Where(x => x.Match is not null)
            .OrderByDescending(x => x.Match.Score)
            .ThenBy(x => x.Order)
            .ToList();
        if (ranked.Count > 1 && ranked[0].Match.Subsumes.Count > 0)
        {
            // A part of the leading story is not an independent cause: it may stay, but not as equally certain.
            var cap = SignatureMatch.HighScore - 0.5;
            ranked = ranked
                .Select((x, i) => i > 0 && ranked[0].Match.Subsumes.Contains(x.Match.SignatureId) && x.Match.Score > cap ? (Match: x.Match with { Score = cap }, x.Order) : x)
                .OrderByDescending(x => x.Match.Score)
                .ThenBy(x => x.Order)
                .ToList();
        }
        return ranked.Select(x => x.Match).ToList();
    }

    internal static IncidentAnalysis Build(ContextFacts facts, IReadOnlyList<SignatureMatch> matches, AnalysisLanguage l)
    {
        var hypotheses = matches.Take(MaxHypotheses)
            .Select(m => new Hypothesis(m.Confidence == Confidence.Low ? l.T($"{m.Title} (a guess from weak evidence: confirm before acting)", $"{m.Title}（证据较弱的推测，行动前请先确认）") : m.Title,
                m.Confidence, m.Evidence, m.Refutation, m.SignatureId, m.Score))
            .ToList();
        var top = matches.FirstOrDefault();
        var second = matches.Skip(1).FirstOrDefault(m => m.Confidence >= Confidence.Medium);
        // Nothing fits, or only a weak guess: the evidence itself leads, and the generic playbook still applies.
        var fallback = top is null || top.Confidence == Confidence.Low;
        if (fallback)
        {
            hypotheses.Insert(Math.Min(1, hypotheses.Count), FallbackPlaybook.Hypothesis(facts, l));
        }

        // Never a command for a stack the context does not show: a MySQL incident gets no pg_stat_activity.
        var stack = StackDetector.Detect(facts.Raw);
        var checklist = new List<ChecklistStep>();
        foreach (var step in (top?.Checklist ?? []).Concat(second?.Checklist.Take(2) ?? []).Concat(fallback ? FallbackPlaybook.Checklist(facts, stack, l) : []))
        {
            if (StackDetector.Fits(step.Command, stack) && !checklist.Any(s => s.Command == step.Command) && checklist.Count < 6)
            {
                checklist.Add(step);
            }
        }
        foreach (var step in checklist.Count >= 2 ? [] : FallbackPlaybook.Checklist(facts, stack, l))
        {
            if (StackDetector.Fits(step.Command, stack) && !checklist.Any(s => s.Command == step.Command) && checklist.Count < 4)
            {
                checklist.Add(step);
            }
        }
        var mitigations = (top?.Mitigations ?? []).Take(4).ToList();
        if (fallback)
        {
            mitigations.AddRange(FallbackPlaybook.Mitigations(l).Take(4 - Math.Min(mitigations.Count, 3)));
        }
        var followUps = new List<FollowUp>();
        foreach (var f in (top?.FollowUps ?? []).Concat(second?.FollowUps ?? []))
        {
            if (!followUps.Any(x => x.Action == f.Action))
            {
                followUps.Add(f);
            }
        }
        if (followUps.Count == 0)
        {
            followUps.Add(Playbook.Follow(l, "P1", "Find the cause of the error and add a failure signature or runbook entry for it", "查明该错误的原因，并为其补充故障特征或运行手册条目", $"{facts.Service ?? "Service"} team", $"{facts.Service ?? "服务"}团队"));
        }
        followUps = followUps.OrderBy(f => f.Priority, StringComparer.Ordinal).ToList();

        var severity = SeverityAssessor.Assess(facts, l);
        var summary = SummaryWriter.Write(facts, hypotheses[0], l);
        var impact = CustomerImpact(facts, l);
        var draft = DraftBuilder.Build(facts, summary, hypotheses[0], followUps, l);
        return new IncidentAnalysis(summary, severity, hypotheses, checklist, mitigations, impact, draft, followUps,
            new RunInfo(OfflineAnalyzer.ProviderName, OfflineAnalyzer.ModelName, "none", l.Code(), 0, 0, 0, 0m, []));
    }

    private static int ScopeAnchor(string text)
    {
        var i = text.IndexOf("only", StringComparison.OrdinalIgnoreCase);
        return i >= 0 ? i : Math.Max(0, text.IndexOf("unaffected", StringComparison.OrdinalIgnoreCase));
    }

    private static string CustomerImpact(ContextFacts f, AnalysisLanguage l)
    {
        var lines = new List<string>();
        if (f.ErrorRateText is { } rate)
        {
            lines.Add(l.T($"Up to {rate} of requests fail.", $"最多 {rate} 的请求失败。"));
        }
        if (f.SuccessRateDrop is { } drop)
        {
            lines.Add(l.T($"Success rate: “{drop.Quote}”.", $"成功率：“{drop.Quote}”。"));
        }
        foreach (var e in f.Timeline.Where(e => e.Kind == EventKind.CustomerReport).Take(2))
        {
            var said = DraftBuilder.LeadingTime().Replace(e.Clause.Text, "", 1).Trim();
            lines.Add(l.T($"Reported at {e.TimeText}{f.ZoneSuffix}: “{said}”.", $"{e.TimeText}{f.ZoneSuffix} 的反馈：“{said}”。"));
        }
        foreach (var s in f.Scope.Take(2))
        {
            var quote = Quote.Around(s.Text, ScopeAnchor(s.Text));
            lines.Add(l.T($"Scope: “{quote}”.", $"影响范围：“{quote}”。"));
        }
        if (f.OnsetTimeText is { } onset)
        {
            lines.Add(l.T($"Symptoms began at {onset}{f.ZoneSuffix}.", $"症状始于 {onset}{f.ZoneSuffix}。"));
        }
        lines.Add(l.T($"Number of affected users and total duration: {PostmortemDraft.Placeholder} (the context does not say).", $"受影响用户数和持续时间：{PostmortemDraft.ChinesePlaceholder}（上下文未提供）。"));
        return string.Join(l.T(" ", ""), lines);
    }
}
