using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LspTriage.Cli.Tests;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task An_offline_eval_writes_results_report_and_chart()
    {
        using var t = new EvalTestRun();
        var (exit, output, err) = await t.RunAsync("scenarios", "--out", "out", "--lang", "auto,en");
        Assert.True(exit == 0, err);
        var results = EvalTestRun.Results(t.Out());
        Assert.Equal(t.ScenarioCount * 2, results.Count);
        Assert.Equal(t.ScenarioCount * 2, err.Split('\n').Count(l => l.StartsWith("eval ", StringComparison.Ordinal)));
        Assert.All(results, r => Assert.False(r.Failed));
        Assert.Contains("| offline/-/-/auto |", output);

        var report = File.ReadAllText(Path.Combine(t.Out(), "report.md"));
        foreach (var heading in new[] { "## By combination", "## By input form", "## By scenario language", "## Per scenario", "## Metrics", "![Main scores by combination](chart.png)" })
        {
            Assert.Contains(heading, report);
        }
        Assert.Contains("| orders-mysql-connections | logs | en | connection-pool-exhaustion SEV2 |", report);
        Assert.Contains("| kubectl |", report);
        // Two combinations with equal scores: both marked best on top-1.
        Assert.Equal(2, report.Split('\n').Count(l => l.StartsWith("| offline/", StringComparison.Ordinal) && l.Contains('★')));
        var png = File.ReadAllBytes(Path.Combine(t.Out(), "chart.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 5000);
    }

    [Fact]
    public async Task On_a_terminal_progress_is_one_bar_redrawn_in_place_and_cleared()
    {
        using var t = new EvalTestRun();
        var (exit, _, err) = await t.RunAsync(_ => null, isTerminal: true, "scenarios", "--out", "out");
        Assert.Equal(0, exit);
        // One live bar (Spectre.Console) with its percentage, never one line per run as in CI logs. (How often it is
        // redrawn depends on how long the runs take: a fast eval may show only its first and last frame.)
        Assert.Contains($"eval {t.ScenarioCount}/{t.ScenarioCount}", err);
        Assert.Contains("100%", err);
        Assert.DoesNotContain(err.Split('\n'), l => l.Contains(" #1: ", StringComparison.Ordinal));
        // Cleared at the end (cursor shown again), before the closing line.
        var closing = err.IndexOf("lsptriage eval: ", StringComparison.Ordinal);
        Assert.True(closing > err.LastIndexOf("\u001b[?25h", StringComparison.Ordinal), err);
    }

    [Fact]
    public async Task An_interrupted_eval_resumes_and_reruns_only_what_is_missing_or_stale()
    {
        using var t = new EvalTestRun();
        Assert.Equal(0, (await t.RunAsync("scenarios", "--out", "out")).Exit);
        var path = Path.Combine(t.Out(), "results.jsonl");
        var lines = File.ReadAllLines(path);
        // Interrupted: the last two runs never landed and the one in flight left half a line.
        File.WriteAllText(path, string.Join('\n', lines[..^2]) + "\n{\"scenario\":\"thumbs-oom");
        var (exit, _, err) = await t.RunAsync("scenarios", "--out", "out");
        Assert.Equal(0, exit);
        Assert.Contains($"resuming: {lines.Length - 2} finished runs kept", err);
        Assert.Equal(2, err.Split('\n').Count(l => l.StartsWith("eval ", StringComparison.Ordinal)));
        Assert.Equal(lines.Length, File.ReadAllLines(path).Length);
        Assert.Equal(lines.Length, EvalTestRun.Results(t.Out()).Select(r => r.RunKey).Distinct().Count());

        // A scenario whose file changed is run again; the rest are kept.
        var typo = Path.Combine(t.ScenarioDir, "newsletter-typo.md");
        File.AppendAllText(typo, "Update 08:40: the resend went out without the typo.\n");
        (exit, _, err) = await t.RunAsync("scenarios", "--out", "out");
        Assert.Equal(0, exit);
        var rerun = Assert.Single(err.Split('\n'), l => l.StartsWith("eval ", StringComparison.Ordinal));
        Assert.Contains("newsletter-typo", rerun);
        Assert.Equal(lines.Length, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task Compare_exits_1_only_when_a_metric_drops_beyond_the_threshold()
    {
        using var t = new EvalTestRun();
        Assert.Equal(0, (await t.RunAsync("scenarios", "--out", "old")).Exit);
        Directory.CreateDirectory(t.Out("new"));
        // The new eval lost the cause in one scenario.
        var worse = File.ReadAllLines(Path.Combine(t.Out("old"), "results.jsonl")).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            if ((string?)node["scenario"] == "partner-cert-alert")
            {
                node["top1"] = false;
                node["top3"] = false;
                node["category"] = "dependency-outage";
            }
            return node.ToJsonString();
        });
        File.WriteAllLines(Path.Combine(t.Out("new"), "results.jsonl"), worse);

        var old = EvalTestRun.Results(t.Out("old"));
        Assert.True(old.Single(r => r.Scenario == "partner-cert-alert").Top1, "the offline analyzer is expected to get the certificate scenario right");
        var before = $"{old.Count(r => r.Top1) * 100.0 / old.Count:0.0}%";
        var after = $"{(old.Count(r => r.Top1) - 1) * 100.0 / old.Count:0.0}%";
        var (exit, output, _) = await t.RunAsync("--compare", "old", "new");
        Assert.Equal(1, exit);
        Assert.Matches($@"Top-1\s+{Regex.Escape(before)}\s+{Regex.Escape(after)}\s+WORSE", output);
        Assert.Contains("partner-cert-alert [offline/-/-/auto]: top1 100.0% → 0.0% (worse)", output);
        Assert.Contains("WORSE beyond the threshold: top1 [offline/-/-/auto], top3 [offline/-/-/auto]", output);

        (exit, output, _) = await t.RunAsync("--compare", "new", "old");
        Assert.Equal(0, exit);
        Assert.Matches($@"Top-1\s+{Regex.Escape(after)}\s+{Regex.Escape(before)}\s+better", output);

        Assert.Equal(0, (await t.RunAsync("--compare", "old", "new", "--threshold", "0.25")).Exit);
        Assert.Equal(1, (await t.RunAsync("--compare", "old", "new", "--threshold", "top1=0.25")).Exit);
        Assert.Equal(0, (await t.RunAsync("--compare", "old", Path.Combine(t.Out("old"), "results.jsonl"))).Exit);
    }

    [Fact]
    public async Task Compare_against_an_empty_eval_fails_rather_than_passing_the_gate()
    {
        using var t = new EvalTestRun();
        Assert.Equal(0, (await t.RunAsync("scenarios", "--out", "old")).Exit);
        Directory.CreateDirectory(t.Out("empty"));
        var (exit, _, err) = await t.RunAsync("--compare", "old", "empty");
        Assert.Equal(1, exit);
        Assert.Contains("nothing to compare", err);
    }

    [Theory]
    [InlineData("--compare", "only-one")]
    [InlineData("--compare", "missing-a", "missing-b")]
    [InlineData("scenarios", "--provider", "bard")]
    [InlineData("scenarios", "--lang", "fr")]
    [InlineData("scenarios", "--repeat", "0")]
    [InlineData("scenarios", "--threshold", "0.1")]
    [InlineData("--compare", "scenarios", "scenarios", "--threshold", "top9=1")]
    [InlineData]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        using var t = new EvalTestRun();
        var (exit, _, err) = await t.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("Usage: lsptriage eval", err);
    }

    [Fact]
    public async Task A_broken_scenario_is_reported_the_others_still_run_and_the_exit_code_says_so()
    {
        using var t = new EvalTestRun();
        File.WriteAllText(Path.Combine(t.ScenarioDir, "broken.md"), "---\nexpect_category: disk-full\nexpect_severity: SEV7\nform: logs\n---\n# x\n\n## Raw incident context\n\ndisk full\n");
        var (exit, _, err) = await t.RunAsync("scenarios", "--out", "out");
        Assert.Equal(1, exit);
        Assert.Contains("broken.md: expect_severity must be SEV1..SEV5 (got 'SEV7')", err);
        Assert.Equal(t.ScenarioCount - 1, EvalTestRun.Results(t.Out()).Count);
        Assert.Contains("## Scenario files with problems (not run)", File.ReadAllText(Path.Combine(t.Out(), "report.md")));
    }

    [Fact]
    public async Task No_scenarios_is_an_error()
    {
        using var t = new EvalTestRun();
        Directory.CreateDirectory(Path.Combine(t.Root, "nothing"));
        var (exit, _, err) = await t.RunAsync("nothing");
        Assert.Equal(1, exit);
        Assert.Contains("no scenarios in", err);
    }
}
