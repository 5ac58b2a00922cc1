using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Tests.Analysis;

public sealed class OfflineAnalyzerSeedTests
{
    private static IncidentAnalysis Analyze(AnalysisLanguage l = AnalysisLanguage.English) =>
        new OfflineAnalyzer().Analyze(new IncidentContext(SeedContext.Raw, SeedContext.Title, SeedContext.Service), l);

    [Fact]
    public void Top_hypothesis_is_the_cron_jobs_unindexed_scan_exhausting_the_pool()
    {
        var a = Analyze();
        var top = a.Hypotheses[0];
        Assert.Equal("connection-pool-exhaustion", top.SignatureId);
        Assert.Equal(Confidence.High, top.Confidence);
        Assert.Contains("v2.41", top.Title);
        Assert.Contains("settlement batch", top.Title);
        Assert.Contains("full-table-scan", top.Title);
        Assert.Contains("500 / 500", top.Title);
        Assert.Contains(top.Evidence, e => e.Contains("active_connections: 500 / 500"));
        Assert.Contains(top.Evidence, e => e.Contains("*/30 * * * *"));
        Assert.Contains(top.Evidence, e => e.Contains("2.4s per execution"));
    }

    [Fact]
    public void The_slow_query_is_part_of_the_leading_story_not_a_second_certainty()
    {
        var a = Analyze();
        Assert.Equal(new string?[] { "connection-pool-exhaustion", "slow-query", "bad-deploy" }, a.Hypotheses.Take(3).Select(h => h.SignatureId).ToArray());
        Assert.Equal(Confidence.Medium, a.Hypotheses[1].Confidence);
        Assert.Contains("12 minutes before the symptoms began", a.Hypotheses[2].Title);
    }

    [Fact]
    public void Every_evidence_quote_is_a_verbatim_substring_of_the_context()
    {
        foreach (var l in new[] { AnalysisLanguage.English, AnalysisLanguage.Chinese })
        {
            var a = Analyze(l);
            Assert.True(a.Hypotheses.Count >= 3);
            foreach (var q in a.Hypotheses.SelectMany(h => h.Evidence))
            {
                Assert.Contains(q, SeedContext.Raw);
            }
        }
    }

    [Fact]
    public void Severity_is_sev1_or_sev2_and_cites_the_error_rate()
    {
        var a = Analyze();
        Assert.Contains(a.Severity.Level, new[] { "SEV1", "SEV2" });
        Assert.Contains("12%", a.Severity.Reasoning);
    }

    [Fact]
    public void Checklist_queries_pg_stat_activity_and_every_step_has_a_command_and_expectation()
    {
        var a = Analyze();
        Assert.Contains(a.Checklist, s => s.Command.Contains("pg_stat_activity"));
        Assert.All(a.Checklist, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Command));
            Assert.False(string.IsNullOrWhiteSpace(s.Expected));
        });
        Assert.All(a.Mitigations, m => Assert.False(string.IsNullOrWhiteSpace(m.Rollback)));
        Assert.All(a.FollowUps, f => Assert.Matches("^P[0-3]$", f.Priority));
    }

    [Fact]
    public void Does_not_invent_numbers_the_seed_invented()
    {
        var a = Analyze();
        var body = AnalysisRenderer.RenderBody(a, AnalysisLanguage.English);
        Assert.DoesNotContain("v2.40", body);
        Assert.DoesNotContain("thousands", body);
        Assert.DoesNotContain("15 minutes", body);
        Assert.DoesNotContain("payment failed", body);
        Assert.Contains("[FILL IN]", body);
        var unsupported = GroundingChecker.Check(body, SeedContext.Raw);
        Assert.True(unsupported.Count == 0, string.Join("\n", unsupported.Select(u => $"{u.Kind}: {u.Text}")));
    }

    [Fact]
    public void Chinese_output_has_chinese_prose_and_the_same_top_hypothesis()
    {
        var a = Analyze(AnalysisLanguage.Chinese);
        Assert.Equal("connection-pool-exhaustion", a.Hypotheses[0].SignatureId);
        var body = AnalysisRenderer.RenderBody(a, AnalysisLanguage.Chinese);
        Assert.Contains("## 根因假设", body);
        Assert.Contains("连接池耗尽", a.Hypotheses[0].Title);
        Assert.Empty(GroundingChecker.Check(body, SeedContext.Raw));
    }

    [Fact]
    public void Timeline_correlates_the_deploy_twelve_minutes_before_onset()
    {
        var facts = LspTriage.Core.Analysis.Facts.FactExtractor.Extract(SeedContext.Raw);
        Assert.Equal(14 * 60 + 2, facts.OnsetMinute);
        var change = Assert.Single(facts.Changes);
        Assert.Equal("v2.41", change.Version);
        Assert.Equal(12, change.MinutesBeforeOnset);
        Assert.Contains(facts.RuledOut, r => r.Topic == "cpu" && r.Clause.Text.Contains("35% (normal)"));
        Assert.Contains(facts.RuledOut, r => r.Topic == "infra");
        Assert.DoesNotContain(facts.RuledOut, r => r.Clause.Text.Contains("DB looks healthy"));
        Assert.Equal(12, facts.ErrorRatePercent);
        Assert.Equal(new[] { "13:50", "14:02", "14:03", "14:04", "14:06" }, facts.Timeline.Select(e => e.TimeText).ToArray());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_large_pasted_log_keeps_the_answer_and_a_readable_timeline()
    {
        var log = new System.Text.StringBuilder(SeedContext.Raw).Append('\n');
        for (var i = 0; i < 3000; i++)
        {
            log.Append(System.FormattableString.Invariant($"2026-06-02T14:{i / 600 % 60:00}:{i / 10 % 60:00}Z INFO payment-svc request path=/v1/charges status={(i % 9 == 0 ? 500 : 200)} duration_ms={40 + i % 400}\n"));
        }
        var a = new OfflineAnalyzer().Analyze(new IncidentContext(log.ToString(), SeedContext.Title, SeedContext.Service), AnalysisLanguage.English);
        Assert.Equal("connection-pool-exhaustion", a.Hypotheses[0].SignatureId);
        Assert.InRange(a.PostmortemDraft.Timeline.Count, 5, 41);
        Assert.Contains(a.PostmortemDraft.Timeline, t => t.StartsWith("13:50 UTC — payment-svc v2.41 shipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendered_block_carries_the_run_record_and_the_hash_of_its_body()
    {
        var a = Analyze();
        var block = AnalysisRenderer.RenderBlock(a, AnalysisLanguage.English);
        var body = AnalysisRenderer.RenderBody(a, AnalysisLanguage.English);
        Assert.StartsWith("<!-- lsptriage:begin analysis provider=offline model=offline-rules prompt=none lang=en latency=", block);
        Assert.Contains($"hash={BlockHash.Of(body)} -->\n{body}\n<!-- lsptriage:end -->\n", block);
        Assert.Matches(@"_offline-rules · output: en · \d+ ms · 0↑ / 0↓ tok · \$0\.00000_", body);
        var order = new[] { "## Summary", "**Severity reasoning:**", "## Root cause hypotheses", "## Investigation checklist", "## Mitigation plan", "## Customer impact", "## Postmortem draft", "### Timeline (UTC)", "### Action items", "## Follow-ups" };
        var positions = order.Select(h => body.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.OrderBy(p => p), positions);
    }
}
