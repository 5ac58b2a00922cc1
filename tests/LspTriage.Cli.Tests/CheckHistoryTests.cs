using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

/// <summary><c>check --history DIR</c>: LT030 (repeat incident) on the command line, as the editor reports it.</summary>
public sealed class CheckHistoryTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public CheckHistoryTests()
    {
        // postmortem-complete.md (created 2026-05-14) and the same failure from 2026-04-30, one action item open.
        _dir.Write("postmortems/now.md", RepoPaths.Fixture("postmortem-complete.md"));
        _dir.Write("history/2026/checkout-502.md", Past(open: true));
    }

    public void Dispose() => _dir.Dispose();

    private static string Past(bool open) => RepoPaths.Fixture("postmortem-complete.md")
        .Replace("created: 2026-05-14T09:12:00Z", "created: 2026-04-30T10:00:00Z", StringComparison.Ordinal)
        .Replace("- [ ] **P1**", open ? "- [ ] **P1**" : "- [x] **P1**", StringComparison.Ordinal);

    private static string[] Repeats(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" LT030: ", StringComparison.Ordinal))];

    [Fact]
    public async Task A_similar_past_incident_with_open_items_in_the_history_is_reported()
    {
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "postmortems", "--history", "history");

        Assert.Equal(0, exit);
        var line = Assert.Single(Repeats(output));
        Assert.StartsWith("postmortems/now.md:7:3: info LT030: Repeat incident: the similar ", line, StringComparison.Ordinal);
        Assert.EndsWith("happened 2026-04-30 (14 days before this one) and 1 action item is still open.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_without_history_nor_once_the_past_items_are_closed_nor_when_disabled()
    {
        var (_, without, _) = await CliRunner.RunAsync(_dir.Path, "check", "postmortems");
        Assert.Empty(Repeats(without));

        var (_, disabled, _) = await CliRunner.RunAsync(_dir.Path, "check", "postmortems", "--history", "history", "--disable", "LT030");
        Assert.Empty(Repeats(disabled));

        _dir.Write("history/2026/checkout-502.md", Past(open: false));
        var (_, closed, _) = await CliRunner.RunAsync(_dir.Path, "check", "postmortems", "--history", "history");
        Assert.Empty(Repeats(closed));
    }

    [Fact]
    public async Task The_files_checked_are_past_incidents_for_each_other()
    {
        _dir.Write("postmortems/later.md", RepoPaths.Fixture("postmortem-complete.md").Replace("2026-05-14T09:12:00Z", "2026-05-20T08:00:00Z", StringComparison.Ordinal));
        var (_, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "postmortems", "--history", "history");

        var later = Repeats(output).Where(l => l.StartsWith("postmortems/later.md:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, later.Length);
        Assert.Contains(later, l => l.Contains("happened 2026-05-14 (6 days before this one)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_history_folder_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, "check", "postmortems", "--history", "nowhere");
        Assert.Equal(2, exit);
        Assert.Contains("--history", error);
        Assert.Contains("no such folder", error);
    }
}
