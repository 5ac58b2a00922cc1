using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

/// <summary><c>lsptriage check</c> on postmortems written to the Google SRE, Atlassian and PagerDuty templates.</summary>
public sealed class TemplateCheckTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Complete_template_postmortems_pass_and_their_defects_are_reported()
    {
        foreach (var name in new[] { "google-sre", "atlassian", "pagerduty" })
        {
            _dir.Write($"good/{name}.md", RepoPaths.Fixture($"templates/{name}.md"));
            _dir.Write($"bad/{name}.md", RepoPaths.Fixture($"templates/{name}-defects.md"));
        }
        var good = await CliRunner.RunAsync(_dir.Path, "check", "good/google-sre.md", "good/atlassian.md", "good/pagerduty.md");
        Assert.Equal((0, ""), (good.Exit, good.Out));
        Assert.Contains("3 files checked: 0 errors, 0 warnings.", good.Err);

        var bad = await CliRunner.RunAsync(_dir.Path, "check", "bad/google-sre.md", "bad/atlassian.md", "bad/pagerduty.md");
        var lines = bad.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, bad.Exit);
        Assert.Equal(9, lines.Length);
        Assert.Contains("bad/google-sre.md:31:3: warning LT006: Action item has no owner (its Owner cell is empty).", lines);
        Assert.Contains("bad/atlassian.md:52:3: warning LT004: Timeline entry at 2026-04-02 14:34 is earlier than the entry before it (2026-04-02 14:49).", lines);
        Assert.Contains("bad/pagerduty.md:50:17: warning LT001: Unfilled placeholder [FILL IN] in \"Responders\".", lines);
    }

    [Fact]
    public async Task Template_and_required_sections_can_be_named_on_the_command_line()
    {
        _dir.Write("google.md", RepoPaths.Fixture("templates/google-sre.md"));
        var ours = await CliRunner.RunAsync(_dir.Path, "check", "google.md", "--template", "lsptriage");
        Assert.Equal(1, ours.Exit);
        Assert.Contains("google.md:1:3: error LT002: Postmortem is missing the \"Response\" section.", ours.Out);

        var required = await CliRunner.RunAsync(_dir.Path, "check", "google.md", "--require", "Summary", "--require", "Five whys");
        Assert.Equal(1, required.Exit);
        Assert.Contains("error LT002: Postmortem is missing the \"Five whys\" section (Google SRE template).", required.Out);
        Assert.Single(required.Out.Trim().Split('\n'));

        var unknown = await CliRunner.RunAsync(_dir.Path, "check", "google.md", "--template", "netflix");
        Assert.Equal(2, unknown.Exit);
    }
}
