using System.Text.Json;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

public sealed class StatsAndActionsCommandTests : IDisposable
{
    private const string Pool = """
        ---
        service: payment-svc
        created: 2026-05-20T16:00:00Z
        severity: SEV1
        kind: postmortem
        category: connection-pool-exhaustion
        ---
        # Payments failing: pool exhausted

        ## Timeline

        - 14:55 UTC — payment-svc v2.19 rolled out
        - 15:05 UTC — first "too many clients" errors
        - 15:07 UTC — PaymentSvcErrorRateHigh pages on-call
        - 15:30 UTC — cron disabled by feature flag
        - 15:36 UTC — error rate normal

        ## Action items

        - [x] **P0** Shared pool for the job — Payments team
        - [ ] **P1** Alert at 80% of max_connections, due 2026-07-01 — @dana
        - [ ] **P2** Runbook: it's "idle in transaction"; `rm -rf /` $(reboot) — Platform team
        """;

    private const string Repeat = """
        ---
        service: payment-svc
        created: 2026-06-02T10:00:00Z
        severity: SEV2
        kind: incident
        ---
        # Payments slow again

        ## Timeline

        - 09:00 UTC — p99 latency spiked to 3s
        - 09:20 UTC — alert fired
        - 09:40 UTC — rolled back v2.20
        - 10:00 UTC — recovered

        ## Action items

        - [ ] =HYPERLINK("http://x") add pool metrics — [FILL IN]
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Stats_json_has_means_by_severity_repeats_and_open_actions_by_owner()
    {
        _dir.Write("postmortems/pool.md", Pool);
        _dir.Write("incidents/slow.md", Repeat);
        _dir.Write("docs/readme.md", "# Not an incident\n");
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "stats", ".", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("incidents").GetInt32());
        var sev1 = root.GetProperty("bySeverity").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "SEV1");
        Assert.Equal(2, sev1.GetProperty("meanMinutes").GetProperty("detect").GetDouble());
        Assert.Equal(31, sev1.GetProperty("meanMinutes").GetProperty("resolve").GetDouble());
        // 20 and 2 minutes to detect: the mean over both incidents.
        Assert.Equal(11, root.GetProperty("meanMinutes").GetProperty("detect").GetDouble());
        var repeat = root.GetProperty("repeats").EnumerateArray().Single();
        Assert.Equal("incidents/slow.md", repeat.GetProperty("incident").GetString());
        Assert.Equal(12, repeat.GetProperty("days").GetInt32());
        Assert.Equal("service payment-svc", repeat.GetProperty("shared").GetString());
        var owners = root.GetProperty("openActionsByOwner").EnumerateArray().Select(o => (o.GetProperty("owner").GetString(), o.GetProperty("open").GetInt32())).ToArray();
        Assert.Equal([("(no owner)", 1), ("@dana", 1), ("Platform team", 1)], owners.OrderBy(o => o.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stats_markdown_and_html_write_png_charts_beside_the_report()
    {
        _dir.Write("postmortems/pool.md", Pool);
        _dir.Write("incidents/slow.md", Repeat);
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, "stats", ".", "--out", "out/report.md");
        Assert.Equal(0, exit);
        Assert.Contains("2 incidents", error);
        var md = File.ReadAllText(Path.Combine(_dir.Path, "out", "report.md"));
        Assert.Contains("![Incidents per month, by severity](report-incidents-by-month.png)", md);
        Assert.Contains("| SEV1 | 1 | 2m | 25m | 31m |", md);
        var png = File.ReadAllBytes(Path.Combine(_dir.Path, "out", "report-incidents-by-month.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var (htmlExit, _, _) = await CliRunner.RunAsync(_dir.Path, "stats", ".", "--format", "html", "--out", "out/report.html");
        Assert.Equal(0, htmlExit);
        var html = File.ReadAllText(Path.Combine(_dir.Path, "out", "report.html"));
        Assert.Contains("<img src=\"report-times-by-severity.png\"", html);
        Assert.Contains("[P2] Runbook: it&#39;s &quot;idle in transaction&quot;", html);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "out", "report-times-by-severity.png")));
    }

    [Fact]
    public async Task Actions_json_lists_only_open_items_with_owner_priority_due_and_link()
    {
        _dir.Write("postmortems/pool.md", Pool);
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "actions", "postmortems", "--link-base", "https://github.com/acme/ops/blob/main/");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal("Alert at 80% of max_connections, due 2026-07-01", items[0].GetProperty("task").GetString());
        Assert.Equal("@dana", items[0].GetProperty("owner").GetString());
        Assert.Equal("P1", items[0].GetProperty("priority").GetString());
        Assert.Equal("2026-07-01", items[0].GetProperty("due").GetString());
        Assert.Equal("https://github.com/acme/ops/blob/main/postmortems/pool.md#L21", items[0].GetProperty("link").GetString());
        Assert.Equal(21, items[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Actions_csv_quotes_cells_and_defuses_formulas_and_placeholder_owners_are_no_owner()
    {
        _dir.Write("incidents/slow.md", Repeat);
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "actions", "incidents", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,line,incident,priority,owner,due,task,link", lines[0]);
        Assert.Equal("incidents/slow.md,18,Payments slow again,,,,\"'=HYPERLINK(\"\"http://x\"\") add pool metrics\",incidents/slow.md:18", lines[1]);
    }

    [Fact]
    public async Task Actions_github_script_single_quotes_everything_so_nothing_runs()
    {
        _dir.Write("postmortems/pool.md", Pool);
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "actions", "postmortems", "--format", "github");
        Assert.Equal(0, exit);
        Assert.StartsWith("#!/bin/sh\n", output);
        Assert.Contains("gh issue create --title '[P1] Alert at 80% of max_connections, due 2026-07-01' --body 'Alert at 80%", output);
        Assert.Contains("--assignee 'dana'", output);
        Assert.Contains("--title '[P2] Runbook: it'\\''s \"idle in transaction\"; `rm -rf /` $(reboot)'", output);
        Assert.DoesNotContain("Shared pool for the job", output);

        // The script is valid sh and, with gh replaced by a recorder, passes every value through untouched.
        var script = Path.Combine(_dir.Path, "issues.sh");
        File.WriteAllText(script, output.Replace("gh issue create", "printf '%s\\n'", StringComparison.Ordinal));
        var run = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var printed = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[P2] Runbook: it's \"idle in transaction\"; `rm -rf /` $(reboot)\n", printed);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("stats . --format pdf")]
    [InlineData("actions")]
    [InlineData("actions . --format yaml")]
    [InlineData("actions . --link-base file:///etc")]
    [InlineData("actions nowhere")]
    public async Task Usage_errors_exit_2(string args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, args.Split(' '));
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task An_unreadable_file_is_named_exits_1_and_the_others_are_still_listed()
    {
        _dir.Write("postmortems/pool.md", Pool);
        var bad = Path.Combine(_dir.Path, "postmortems", "latin1.md");
        await File.WriteAllBytesAsync(bad, [0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]);
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "actions", "postmortems", "--format", "csv");
        Assert.Equal(1, exit);
        Assert.Contains("postmortems/latin1.md: not valid UTF-8, skipped", error);
        Assert.Equal(3, output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
