using System.Text.RegularExpressions;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Analysis;

/// <summary>
/// The analyzer on what people paste: kubectl tables and describe blocks, alert payloads, logs, traces and chat, each
/// with its boilerplate and red herrings (other pods, the tooling's own errors, health checks). Files: tests/fixtures/pastes.
/// </summary>
public sealed partial class PastedToolOutputTests
{
    public static TheoryData<string, string, Confidence> Cases() => new()
    {
        { "describe-oom.txt", "oom-kill", Confidence.High },
        { "get-pods-command-not-found.txt", "crash-loop-command", Confidence.High },
        { "config-secret-missing.txt", "crash-loop-config", Confidence.High },
        { "crashloop-exception.txt", "crash-loop-exception", Confidence.Medium },
        { "image-pull.txt", "image-pull", Confidence.High },
        { "pending-unschedulable.txt", "unschedulable", Confidence.High },
        { "probe-failure.txt", "probe-failure", Confidence.Medium },
        { "eviction.txt", "eviction", Confidence.High },
        { "pvc-pending.txt", "pvc-pending", Confidence.High },
        { "cpu-throttling.txt", "cpu-throttling", Confidence.High },
        { "network-policy-dns.txt", "network-policy", Confidence.High },
        { "rabbitmq-partition.txt", "broker-partition", Confidence.High },
        { "logfmt-mysql-refused-chat.txt", "database-unreachable", Confidence.Medium },
        { "alert-job-password-with-tooling-dns.txt", "database-unreachable", Confidence.High },
        { "expired-token.txt", "expired-credentials", Confidence.High },
        { "trace-slow-db.txt", "slow-dependency", Confidence.High },
    };

    private static string Paste(string name) => File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "pastes", name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_the_cause_written_in_the_tool_output(string file, string signature, Confidence confidence)
    {
        var raw = Paste(file);
        var a = new OfflineAnalyzer().Analyze(new IncidentContext(raw), AnalysisLanguage.English);
        Assert.True(a.Hypotheses[0].SignatureId == signature, $"{file}: {string.Join(", ", a.Hypotheses.Select(h => $"{h.SignatureId}={h.Score}"))}");
        Assert.Equal(confidence, a.Hypotheses[0].Confidence);
        Assert.All(a.Hypotheses.SelectMany(h => h.Evidence), e => Assert.Contains(e, raw));
        Assert.NotEmpty(a.Checklist);
        Assert.NotEmpty(a.Mitigations);
    }

    [GeneratedRegex(@"“[^”]*""\s*:|""[\w.-]+""\s*:|\b\d+/\d+\s+(Running|Pending|CrashLoopBackOff)|\s{3,}")]
    private static partial Regex QuotedKeyOrTableRow();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_summary_is_one_sentence_without_keys_or_table_rows(string file, string signature, Confidence confidence)
    {
        var a = new OfflineAnalyzer().Analyze(new IncidentContext(Paste(file)), AnalysisLanguage.English);
        Assert.DoesNotMatch(QuotedKeyOrTableRow(), a.Summary);
        Assert.EndsWith(".", a.Summary);
        Assert.Contains($"({confidence.ToString().ToLowerInvariant()} confidence)", a.Summary);
        Assert.DoesNotMatch(QuotedKeyOrTableRow(), a.Severity.Reasoning);
        _ = signature;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_grounded_in_the_paste(string file, string signature, Confidence confidence)
    {
        var raw = Paste(file);
        foreach (var lang in new[] { AnalysisLanguage.English, AnalysisLanguage.Chinese })
        {
            var body = AnalysisRenderer.RenderBody(new OfflineAnalyzer().Analyze(new IncidentContext(raw), lang), lang);
            var unsupported = GroundingChecker.Check(body, raw);
            Assert.True(unsupported.Count == 0, $"{file} ({lang}): " + string.Join(" | ", unsupported.Select(u => u.Text)));
        }
        _ = (signature, confidence);
    }

    [Fact]
    public void The_tooling_s_own_dns_error_does_not_outweigh_the_failing_job_s_error()
    {
        var a = new OfflineAnalyzer().Analyze(new IncidentContext(Paste("alert-job-password-with-tooling-dns.txt")), AnalysisLanguage.English);
        Assert.DoesNotContain(a.Hypotheses, h => h.SignatureId == "dns-failure" && h.Confidence > Confidence.Low);
        Assert.Contains("password authentication failed", string.Join(" ", a.Hypotheses[0].Evidence));
        Assert.StartsWith("invoice-export", a.Summary);
    }

    [Fact]
    public void When_nothing_fits_the_evidence_leads_and_the_generic_playbook_is_still_given()
    {
        var raw = Paste("nothing-fits.txt");
        var a = new OfflineAnalyzer().Analyze(new IncidentContext(raw), AnalysisLanguage.English);
        var top = a.Hypotheses[0];
        Assert.Null(top.SignatureId);
        Assert.Equal(Confidence.Low, top.Confidence);
        Assert.Contains("`quote failed for region=BR: ValueError: invalid literal for int() with base 10: 'N/A'`", top.Title);
        Assert.Contains("first seen at 08:15:04", top.Title);
        Assert.Contains("no known failure signature matched", top.Title);
        Assert.Contains("no known failure signature matched", a.Summary);
        Assert.True(a.Checklist.Count >= 4);
        Assert.Contains(a.Checklist, s => s.Command.Contains("--previous", StringComparison.Ordinal));
        Assert.Contains(a.Mitigations, m => m.Action.StartsWith("Roll back", StringComparison.Ordinal));
        Assert.All(a.Mitigations, m => Assert.False(string.IsNullOrWhiteSpace(m.Risk) || string.IsNullOrWhiteSpace(m.Rollback)));
        Assert.DoesNotContain("GET /healthz", string.Join(" ", top.Evidence));
    }

    [Fact]
    public void Chinese_output_writes_its_placeholders_in_chinese()
    {
        var zh = AnalysisRenderer.RenderBody(new OfflineAnalyzer().Analyze(new IncidentContext(Paste("describe-oom.txt")), AnalysisLanguage.Chinese), AnalysisLanguage.Chinese);
        Assert.Contains("[待填写]", zh);
        Assert.DoesNotContain("[FILL IN]", zh);
    }

    [Fact]
    public void Commands_follow_the_stack_the_context_shows()
    {
        const string mysql = """
            orders-api 10:32 UTC: ERROR 1040 (HY000): Too many connections
            HikariPool-1 - Connection is not available, request timed out after 30000ms.
            mysqld Threads_connected 500 / 500 (max_connections)
            """;
        var a = new OfflineAnalyzer().Analyze(new IncidentContext(mysql), AnalysisLanguage.English);
        Assert.Equal("connection-pool-exhaustion", a.Hypotheses[0].SignatureId);
        Assert.DoesNotContain(a.Checklist, s => s.Command.Contains("pg_", StringComparison.Ordinal) || s.Command.Contains("psql", StringComparison.Ordinal));
        Assert.Contains(a.Checklist, s => s.Command.Contains("PROCESSLIST", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Checklist, s => s.Command.Contains("kubectl", StringComparison.Ordinal));
    }
}
