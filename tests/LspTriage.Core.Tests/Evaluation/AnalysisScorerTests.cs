using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Evaluation;
using LspTriage.Core.Evaluation.Scoring;

namespace LspTriage.Core.Tests.Evaluation;

/// <summary>Every metric on a good hand-made analysis passes, and each one fails when the analysis is spoiled for it.</summary>
public sealed class AnalysisScorerTests
{
    private static EvalResult Score(IncidentAnalysis analysis, Scenario? scenario = null)
    {
        scenario ??= Made.Scenario();
        var identity = AnalysisScorer.Identity(scenario, new EvalCombination("test", "-", "-", "en"), 1);
        return AnalysisScorer.Score(identity, scenario, analysis, AnalysisLanguage.English, 12.5);
    }

    [Fact]
    public void A_good_analysis_passes_every_metric()
    {
        var r = Score(Made.Good());
        Assert.True(r.Top1);
        Assert.True(r.Top3);
        Assert.True(r.NamesCause);
        Assert.Equal(1, r.EvidenceRecall);
        Assert.True(r.SeverityMatch);
        Assert.True(r.SaneSummary, r.SummaryProblem);
        Assert.Equal(0, r.UnsupportedClaims);
        Assert.Equal(0, r.EmptySections);
        Assert.Equal(1, r.CommandsFitStack);
        Assert.Equal("connection-pool-exhaustion", r.Category);
        Assert.Equal(150, r.InputTokens + r.OutputTokens);
        Assert.Equal(0.001m, r.Cost);
        Assert.Equal(12.5, r.LatencyMs);
    }

    [Fact]
    public void Top1_fails_when_the_expected_signature_is_second_and_top3_still_passes()
    {
        var good = Made.Good();
        var r = Score(good with { Hypotheses = [good.Hypotheses[1], good.Hypotheses[0]] });
        Assert.False(r.Top1);
        Assert.True(r.Top3);
        Assert.Equal("traffic-spike", r.Category);
    }

    [Fact]
    public void Top3_fails_when_the_expected_signature_is_fourth()
    {
        var good = Made.Good();
        var other = good.Hypotheses[1];
        var r = Score(good with { Hypotheses = [other, other with { SignatureId = "bad-deploy" }, other with { SignatureId = "slow-query" }, good.Hypotheses[0]] });
        Assert.False(r.Top1);
        Assert.False(r.Top3);
    }

    [Fact]
    public void For_none_only_a_top_hypothesis_without_a_signature_passes()
    {
        var none = Made.Scenario(category: "none");
        Assert.False(Score(Made.Good(), none).Top1);
        Assert.False(Score(Made.Good(), none).Top3);
        var good = Made.Good();
        var honest = good with { Hypotheses = [good.Hypotheses[0] with { SignatureId = null, Title = "No known failure pattern fits; too many connections is a symptom" }, good.Hypotheses[0]] };
        Assert.True(Score(honest, none).Top1);
        Assert.True(Score(honest, none).Top3);
        Assert.True(Score(good with { Hypotheses = [] }, none).Top1);
    }

    [Fact]
    public void Names_the_cause_looks_only_at_the_top_hypothesis_and_its_evidence()
    {
        var good = Made.Good();
        var vague = good.Hypotheses[0] with { Title = "Something is wrong with the database", Evidence = ["mysqld on db-orders-1"] };
        var r = Score(good with { Hypotheses = [vague, good.Hypotheses[0]] });
        Assert.False(r.NamesCause);
        // The cause in the evidence alone is enough, whatever the case and spacing.
        var inEvidence = vague with { Evidence = ["ERROR 1040 (HY000):   too MANY connections"] };
        Assert.True(Score(good with { Hypotheses = [inEvidence] }).NamesCause);
        Assert.Null(Score(good, Made.Scenario(expectAny: [])).NamesCause);
    }

    [Fact]
    public void Evidence_recall_is_the_share_of_expected_quotes_found()
    {
        var good = Made.Good();
        var half = good.Hypotheses[0] with { Evidence = ["ERROR 1040 (HY000): Too many connections"] };
        Assert.Equal(0.5, Score(good with { Hypotheses = [half] }).EvidenceRecall);
        // Quoted only in the title, not as evidence: not recalled.
        var titleOnly = good.Hypotheses[0] with { Title = "Threads_connected 800 and ERROR 1040 (HY000): Too many connections", Evidence = [] };
        Assert.Equal(0, Score(good with { Hypotheses = [titleOnly] }).EvidenceRecall);
        Assert.Null(Score(good, Made.Scenario(expectEvidence: [])).EvidenceRecall);
    }

    [Fact]
    public void Severity_must_match_exactly()
    {
        var good = Made.Good();
        Assert.False(Score(good with { Severity = new SeverityAssessment("SEV1", "Checkout is down.") }).SeverityMatch);
        Assert.True(Score(good with { Severity = new SeverityAssessment(" sev2 ", "9% fail.") }).SeverityMatch);
    }

    [Fact]
    public void A_summary_that_is_a_log_line_is_not_sane()
    {
        var r = Score(Made.Good() with { Summary = "2026-07-01T12:04:11Z orders-api-5 ERROR db: ERROR 1040 (HY000): Too many connections" });
        Assert.False(r.SaneSummary);
        Assert.Equal(nameof(SummaryProblem.LogLine), r.SummaryProblem);
    }

    [Fact]
    public void Unsupported_claims_count_grounding_findings_and_must_not_claim_facts()
    {
        var good = Made.Good();
        var invented = good with { CustomerImpact = "About 4,000 customers could not order between 11:40 and 12:30 after v3.2 shipped." };
        var r = Score(invented);
        Assert.True(r.UnsupportedClaims >= 3, string.Join(", ", r.Unsupported ?? []));
        Assert.Contains("v3.2", r.Unsupported!);

        var scenario = Made.Scenario(mustNotClaim: ["primary failover"]);
        Assert.Equal(0, Score(good, scenario).UnsupportedClaims);
        var claimed = good with { Mitigations = [new MitigationStep("Undo the primary failover.", "Brief write outage.", "Fail over again.")] };
        Assert.Equal(["primary failover"], Score(claimed, scenario).Unsupported);

        // Asking is not claiming: a command that names the forbidden fact does not count.
        var asks = good with { Checklist = [new ChecklistStep("Check the limit.", "SHOW VARIABLES LIKE 'primary failover'", "x")] };
        Assert.Equal(0, Score(asks, scenario).UnsupportedClaims);
        // A made-up number that is also a must_not_claim fact counts once.
        var limited = Made.Scenario(mustNotClaim: ["429"]);
        Assert.Equal(["429"], Score(good with { CustomerImpact = "Clients got HTTP 429 from the database proxy." }, limited).Unsupported);
    }

    [Fact]
    public void Empty_sections_are_counted_by_name()
    {
        var good = Made.Good();
        var hollow = good with
        {
            Checklist = [],
            CustomerImpact = "  [FILL IN] ",
            FollowUps = [new FollowUp("P1", "", "")],
            PostmortemDraft = new PostmortemDraft("[FILL IN]", [], ["[FILL IN]"], "", "[FILL IN]", "[FILL IN]", [], [], []),
        };
        var r = Score(hollow);
        Assert.Equal(4, r.EmptySections);
        Assert.Equal(["checklist", "customer-impact", "postmortem-draft", "follow-ups"], r.Empty);
        Assert.Null(r.CommandsFitStack);
    }

    [Fact]
    public void Postgres_and_kubectl_commands_do_not_fit_a_MySQL_incident_on_plain_hosts()
    {
        var good = Made.Good();
        var wrongStack = good with
        {
            Checklist =
            [
                new ChecklistStep("Who holds connections", "SELECT state, count(*) FROM pg_stat_activity GROUP BY 1;", "x"),
                new ChecklistStep("Pods", "kubectl get pods -l app=orders-api", "x"),
                new ChecklistStep("Processlist", "mysql -e 'SHOW FULL PROCESSLIST'", "x"),
                new ChecklistStep("Errors", "grep -c 'Too many connections' orders-api.log", "x"),
            ],
        };
        var r = Score(wrongStack);
        Assert.Equal(0.5, r.CommandsFitStack);
        Assert.Equal(2, r.MisfitCommands!.Count);
    }

    [Fact]
    public void A_failed_run_scores_zero_on_the_rates_that_apply_and_has_no_counts()
    {
        var scenario = Made.Scenario(expectEvidence: []);
        var r = AnalysisScorer.Failed(AnalysisScorer.Identity(scenario, new EvalCombination("openai", "m", "v2", "en"), 2), scenario, "did not answer within 1 s.", "Timeout");
        Assert.True(r.Failed);
        Assert.False(r.Top1);
        Assert.False(r.NamesCause);
        Assert.Null(r.EvidenceRecall);
        Assert.Equal(0, r.CommandsFitStack);
        Assert.Null(r.UnsupportedClaims);
        Assert.Null(r.LatencyMs);
        Assert.Equal("made|openai/m/v2/en|2", r.RunKey);
    }
}
