using System.Text.Json;
using LspTriage.Tests.Shared;
using static LspTriage.Tests.Shared.FakeOpenAiServer;

namespace LspTriage.Cli.Tests;

/// <summary>
/// The eval over the OpenAI path: the real SDK against the local fake endpoint, streaming, several runs at a time,
/// each answer chosen from what the request asks about (so the order runs arrive in does not matter).
/// </summary>
public sealed class EvalOpenAiTests
{
    private const string ChinesePromptMarker = "你是一名";

    private static Func<string, string?> Environment(FakeOpenAiServer server) =>
        name => name switch
        {
            "LSPTRIAGE_LLM_BASE_URL" => server.BaseUrl,
            "LSPTRIAGE_LLM_API_KEY" => "sk-test-eval-0123456789",
            _ => null,
        };

    /// <summary>A model that knows the test scenarios: the right signature, the evidence verbatim, commands for the stack.</summary>
    private static Reply Good(string body)
    {
        var zh = body.Contains(ChinesePromptMarker, StringComparison.Ordinal);
        string Say(string en, string cn) => zh ? cn : en;
        (string Signature, string Cause, string[] Evidence, string Severity, string Command) answer =
            body.Contains("ERROR 1040", StringComparison.Ordinal) ? ("connection-pool-exhaustion", Say("MySQL refuses new connections: Too many connections", "MySQL 连接数打满：Too many connections"), ["ERROR 1040 (HY000): Too many connections"], "SEV2", "mysql -e 'SHOW FULL PROCESSLIST'")
            : body.Contains("OOMKilled", StringComparison.Ordinal) ? ("oom-kill", Say("thumbs is OOMKilled at its memory limit", "thumbs 超过内存限制被 OOMKilled"), ["OOMKilled"], "SEV3", "kubectl describe pod -n media -l app=thumbs")
            : body.Contains("No space left on device", StringComparison.Ordinal) ? ("disk-full", Say("The /data disk is full: No space left on device", "/data 磁盘写满：No space left on device"), ["No space left on device"], "SEV2", "df -h /data")
            : body.Contains("x509", StringComparison.Ordinal) ? ("certificate-expiry", Say("The partner's certificate has expired", "合作方证书已过期（certificate has expired）"), ["x509: certificate has expired or is not yet valid"], "SEV2", "openssl s_client -connect partner.example.net:443")
            : ("", Say("No known failure pattern: a typo (Weekely) in the newsletter subject", "没有匹配的故障模式：newsletter 邮件标题里的错别字 Weekely"), [], "SEV5", "grep -c Weekely sent-subjects.log");
        var json = JsonSerializer.Serialize(new
        {
            summary = Say($"Users see errors: {answer.Cause}.", $"用户看到报错：{answer.Cause}。"),
            severity = new { level = answer.Severity, reasoning = Say("Part of the traffic is affected.", "部分流量受影响。") },
            hypotheses = new object[]
            {
                new { title = answer.Cause, confidence = "high", evidence = answer.Evidence, refutation = Say("The error stops without a change.", "不做任何变更错误也消失。"), signature = answer.Signature },
            },
            checklist = new[] { new { step = Say("Confirm the cause.", "确认原因。"), command = answer.Command, expected = Say("The cause shows.", "能看到原因。") } },
            mitigations = new[] { new { action = Say("Remove the cause.", "消除原因。"), risk = Say("Low.", "低。"), rollback = Say("Undo it.", "撤销。") } },
            customer_impact = Say("Some users see errors.", "部分用户看到报错。"),
            postmortem_draft = new
            {
                summary = "[FILL IN]", timeline = Array.Empty<string>(), impact = new[] { "[FILL IN]" }, root_cause = answer.Cause,
                detection = "[FILL IN]", response = "[FILL IN]", went_well = new[] { "[FILL IN]" }, went_poorly = new[] { "[FILL IN]" }, action_items = new[] { "[FILL IN]" },
            },
            follow_ups = new[] { new { priority = "P1", action = Say("Alert on the cause earlier.", "更早告警。"), owner = "SRE" } },
        });
        return new Sse(json, PromptTokens: 1000, CompletionTokens: 400);
    }

    [Fact]
    public async Task A_model_that_answers_well_scores_well_in_both_languages()
    {
        using var server = new FakeOpenAiServer(Good);
        using var t = new EvalTestRun();
        var (exit, output, err) = await t.RunAsync(Environment(server), "scenarios", "--provider", "openai", "--model", "deepseek-chat", "--lang", "en,zh", "--out", "out", "--concurrency", "4");
        Assert.True(exit == 0, err);
        var results = EvalTestRun.Results(t.Out());
        Assert.Equal(t.ScenarioCount * 2, results.Count);
        Assert.All(results, r =>
        {
            Assert.False(r.Failed, r.Error);
            Assert.True(r.Top1, $"{r.Scenario} {r.Lang}: {r.Category}");
            Assert.True(r.SeverityMatch, $"{r.Scenario}: {r.Severity}");
            Assert.True(r.SaneSummary, $"{r.Scenario} {r.Lang}: {r.SummaryProblem}");
            Assert.NotEqual(false, r.NamesCause);
            Assert.Equal(1400, r.InputTokens + r.OutputTokens);
            Assert.True(r.Cost > 0);
            Assert.Equal("deepseek-chat", r.Model);
            Assert.Equal("v2", r.Prompt);
        });
        Assert.All(results.Where(r => r.CommandsFitStack is not null), r => Assert.Equal(1, r.CommandsFitStack));
        // Each combination asked in its own language: the zh runs used the Chinese prompt, the en runs did not.
        Assert.Equal(t.ScenarioCount, server.Bodies.Count(b => b.Contains(ChinesePromptMarker, StringComparison.Ordinal)));
        Assert.Contains("| openai/deepseek-chat/v2/en |", output);
        Assert.Contains("| openai/deepseek-chat/v2/zh |", output);
        Assert.DoesNotContain("sk-test-eval", File.ReadAllText(Path.Combine(t.Out(), "results.jsonl")) + File.ReadAllText(Path.Combine(t.Out(), "report.md")) + err);
    }

    [Fact]
    public async Task A_model_that_answers_garbage_is_recorded_as_failed_runs_and_loses_to_offline()
    {
        using var server = new FakeOpenAiServer(new Sse(LlmAnswers.Poem));
        using var t = new EvalTestRun();
        var (exit, output, err) = await t.RunAsync(Environment(server), "scenarios", "--provider", "offline,openai", "--model", "poet", "--out", "out");
        Assert.True(exit == 0, err);
        var results = EvalTestRun.Results(t.Out());
        var openai = results.Where(r => r.Provider == "openai").ToList();
        Assert.Equal(t.ScenarioCount, openai.Count);
        Assert.All(openai, r =>
        {
            Assert.True(r.Failed);
            Assert.Equal("InvalidOutput", r.ErrorKind);
            Assert.False(r.Top1);
        });
        Assert.All(results.Where(r => r.Provider == "offline"), r => Assert.False(r.Failed));
        // The best top-1 is the offline analyzer's, and the failures are listed with their error.
        Assert.Matches(@"\| offline/-/-/auto \| \d+ \| \*\*100\.0%\*\* ★ \| \*\*", output);
        var report = File.ReadAllText(Path.Combine(t.Out(), "report.md"));
        Assert.Contains("## Failed runs", report);
        Assert.Contains("| newsletter-typo | openai/poet/v2/auto | 1 | InvalidOutput:", report);
    }

    [Fact]
    public async Task A_model_that_times_out_is_recorded_and_retry_failed_runs_it_again()
    {
        using var t = new EvalTestRun();
        using (var slow = new FakeOpenAiServer(new Sse(LlmAnswers.Poem, DelayMs: 10_000)))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (exit, _, err) = await t.RunAsync(Environment(slow), "scenarios", "--provider", "openai", "--model", "slow", "--timeout", "1", "--retries", "0", "--concurrency", "8", "--out", "out");
            Assert.True(exit == 0, err);
            Assert.All(EvalTestRun.Results(t.Out()), r => Assert.Equal("Timeout", r.ErrorKind));
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), $"took {started.Elapsed}");
        }

        using var good = new FakeOpenAiServer(Good);
        // Failed runs are finished runs: kept on resume...
        var (_, _, kept) = await t.RunAsync(Environment(good), "scenarios", "--provider", "openai", "--model", "slow", "--out", "out");
        Assert.DoesNotContain(kept.Split('\n'), l => l.StartsWith("eval ", StringComparison.Ordinal));
        Assert.Equal(0, good.RequestCount);
        // ...unless asked to try them again.
        var (exit2, _, err2) = await t.RunAsync(Environment(good), "scenarios", "--provider", "openai", "--model", "slow", "--out", "out", "--retry-failed");
        Assert.True(exit2 == 0, err2);
        var results = EvalTestRun.Results(t.Out());
        Assert.Equal(t.ScenarioCount, results.Count);
        Assert.All(results, r => Assert.False(r.Failed, r.Error));
    }

    [Fact]
    public async Task Scenarios_in_both_languages_are_answered_in_their_own_language_by_default()
    {
        using var server = new FakeOpenAiServer(Good);
        using var t = new EvalTestRun();
        var (exit, _, err) = await t.RunAsync(Environment(server), "scenarios", "--provider", "openai", "--out", "out");
        Assert.True(exit == 0, err);
        var results = EvalTestRun.Results(t.Out());
        Assert.Equal("zh", Assert.Single(results, r => r.Scenario == "metrics-disk-zh").ScenarioLang);
        // Only the Chinese scenario was asked with the Chinese prompt.
        var zhBodies = server.Bodies.Where(b => b.Contains(ChinesePromptMarker, StringComparison.Ordinal)).ToList();
        Assert.Single(zhBodies);
        Assert.Contains("No space left on device", zhBodies[0]);
        // No --model: the endpoint's default model names the combination.
        Assert.All(results, r => Assert.Equal("gpt-4o-mini", r.Model));
        Assert.All(results, r => Assert.True(r.SaneSummary, r.SummaryProblem));
    }
}
