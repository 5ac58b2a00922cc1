using System.Text.Json;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Text_format_is_file_line_col_severity_code_message_and_errors_exit_1()
    {
        _dir.Write("postmortems/bad.md", RepoPaths.Fixture("postmortem-problems.md"));
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "check", ".");

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length);
        Assert.Contains("postmortems/bad.md:4:11: error LT009: severity: \"critical\" is not one of SEV1, SEV2, SEV3, SEV4, SEV5.", lines);
        Assert.Contains("postmortems/bad.md:10:1: warning LT001: Unfilled placeholder [FILL IN] in \"Summary\".", lines);
        Assert.Contains("1 file checked: 5 errors, 11 warnings.", error);
    }

    [Fact]
    public async Task Warnings_only_exit_0()
    {
        _dir.Write("incidents/a.md", "# Incident\n\n## Raw incident context\nOwner TBD\n");
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "incidents");
        Assert.Equal(0, exit);
        Assert.Equal("incidents/a.md:4:7: warning LT001: Unfilled placeholder TBD in \"Raw incident context\".\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Folders_only_yield_incident_files_but_explicit_files_are_always_checked()
    {
        _dir.Write("docs/readme.md", "# Readme\n[FILL IN]\n");
        _dir.Write("docs/kinded.md", "---\nkind: incident\n---\n# X\n[TODO]\n");
        var (_, folder, _) = await CliRunner.RunAsync(_dir.Path, "check", "docs");
        Assert.DoesNotContain("readme.md", folder);
        Assert.Contains("docs/kinded.md:5:1: warning LT001", folder);

        var (_, explicitFile, _) = await CliRunner.RunAsync(_dir.Path, "check", "docs/readme.md");
        Assert.Contains("docs/readme.md:2:1: warning LT001", explicitFile);
    }

    [Fact]
    public async Task Invalid_utf8_and_binary_files_are_reported_not_fatal()
    {
        var bad = Path.Combine(_dir.Path, "incidents", "latin1.md");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        await File.WriteAllBytesAsync(bad, [0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]);
        _dir.Write("incidents/blob.md", "\0\0\0PNG");
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "incidents");

        Assert.Equal(1, exit);
        Assert.Contains("incidents/latin1.md:1:1: error LT090: The file is not valid UTF-8 (first bad byte at offset 5)", output);
        Assert.Contains("incidents/blob.md:1:1: error LT013:", output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check --format xml x")]
    [InlineData("check --nope x")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_exit_2(string args)
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, args.Split(' '));
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error_naming_it()
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, "check", "nowhere");
        Assert.Equal(2, exit);
        Assert.Contains("nowhere: no such file or folder", error);
    }

    [Fact]
    public async Task Json_format_lists_every_finding()
    {
        _dir.Write("postmortems/bad.md", RepoPaths.Fixture("postmortem-problems.md"));
        var (_, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "--format", "json", ".");
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings");
        Assert.Equal(16, findings.GetArrayLength());
        var first = findings[0];
        Assert.Equal("postmortems/bad.md", first.GetProperty("file").GetString());
        Assert.Equal(3, first.GetProperty("line").GetInt32());
        Assert.Equal("LT010", first.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sarif_has_the_shape_code_scanning_requires()
    {
        _dir.Write("postmortems/bad.md", RepoPaths.Fixture("postmortem-problems.md"));
        var (_, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "--format", "sarif", ".");
        using var sarif = JsonDocument.Parse(output);
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "LT001");
        var results = run.GetProperty("results");
        Assert.Equal(16, results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[ruleIndex].GetProperty("id").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("postmortems/bad.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
            Assert.NotEmpty(result.GetProperty("partialFingerprints").EnumerateObject());
        }
    }

    [Fact]
    public async Task Version_and_help()
    {
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, "--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^lsptriage \d+\.\d+\.\d+\n$", output.ReplaceLineEndings("\n"));
        var (helpExit, help, _) = await CliRunner.RunAsync(_dir.Path, "--help");
        Assert.Equal(0, helpExit);
        Assert.Contains("check", help);
        Assert.Contains("serve", help);
    }
}
