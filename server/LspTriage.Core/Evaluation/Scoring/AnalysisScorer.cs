using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Rendering;

namespace LspTriage.Core.Evaluation.Scoring;

/// <summary>Scores one analysis against its scenario's expectations; every metric's rule lives in its own scorer.</summary>
public static class AnalysisScorer
{
    /// <summary>A run's identity before it is scored: which scenario, which combination, which repeat.</summary>
    public static EvalResult Identity(Scenario scenario, EvalCombination combination, int repeat) => new()
    {
        Scenario = scenario.Id,
        ScenarioHash = scenario.Hash,
        Form = scenario.Form,
        ScenarioLang = scenario.Language.Code(),
        Provider = combination.Provider,
        Model = combination.Model,
        Prompt = combination.Prompt,
        Lang = combination.Language,
        Repeat = repeat,
        ExpectedCategory = scenario.ExpectCategory,
    };

    public static EvalResult Score(EvalResult identity, Scenario scenario, IncidentAnalysis analysis, AnalysisLanguage language, double latencyMs)
    {
        var hypotheses = analysis.Hypotheses;
        var body = AnalysisRenderer.RenderBody(analysis, language);
        var unsupported = UnsupportedClaims.Find(body, scenario.Context.RawContext, scenario.MustNotClaim);
        var empty = EmptySections.Find(analysis);
        var (fit, misfits) = StackFit.Score(analysis.Checklist, scenario.Context.RawContext);
        var summary = SummarySanity.Check(analysis.Summary, scenario.Context.RawContext);
        return identity with
        {
            Category = CategoryMatch.TopCategory(hypotheses),
            Severity = analysis.Severity.Level,
            Top1 = CategoryMatch.TopK(hypotheses, scenario.ExpectCategory, 1),
            Top3 = CategoryMatch.TopK(hypotheses, scenario.ExpectCategory, 3),
            NamesCause = CauseMatch.NamesTheCause(hypotheses, scenario.ExpectAny),
            EvidenceRecall = CauseMatch.EvidenceRecall(hypotheses, scenario.ExpectEvidence),
            SeverityMatch = string.Equals(analysis.Severity.Level.Trim(), scenario.ExpectSeverity, StringComparison.OrdinalIgnoreCase),
            SaneSummary = summary == SummaryProblem.None,
            SummaryProblem = summary == SummaryProblem.None ? null : summary.ToString(),
            UnsupportedClaims = unsupported.Count,
            Unsupported = unsupported.Count == 0 ? null : unsupported,
            EmptySections = empty.Count,
            Empty = empty.Count == 0 ? null : empty,
            CommandsFitStack = fit,
            MisfitCommands = misfits.Count == 0 ? null : misfits,
            LatencyMs = Math.Round(latencyMs, 1),
            InputTokens = analysis.Run.InputTokens,
            OutputTokens = analysis.Run.OutputTokens,
            Cost = analysis.Run.Cost,
        };
    }

    /// <summary>A run that produced no analysis: recorded with its error, zero on every rate that applies.</summary>
    public static EvalResult Failed(EvalResult identity, Scenario scenario, string error, string errorKind) => identity with
    {
        Error = error,
        ErrorKind = errorKind,
        NamesCause = scenario.ExpectAny.Count == 0 ? null : false,
        EvidenceRecall = scenario.ExpectEvidence.Count == 0 ? null : 0,
        CommandsFitStack = 0,
    };
}
