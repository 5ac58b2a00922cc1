using System.Diagnostics;
using LspTriage.Cli.Cli;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

/// <summary>What the command line gives every command through System.CommandLine: help, errors, response files, completion.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> CommandNames() => [.. CommandLineApp.Commands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task A_commands_help_lists_every_declared_option_and_its_details(string name)
    {
        var command = CommandLineApp.Commands.Single(c => c.Name == name);
        var (exit, help, _) = await CliRunner.RunAsync(_dir.Path, name, "--help");
        Assert.Equal(0, exit);
        Assert.Contains(command.Summary, help);
        Assert.All(command.Options, o => Assert.Contains("--" + o.Name, help));
        Assert.Contains(command.Details.Split('\n')[0].Trim(), help);
        var (helpVerbExit, helpVerb, _) = await CliRunner.RunAsync(_dir.Path, "help", name);
        Assert.Equal(0, helpVerbExit);
        Assert.Equal(help, helpVerb);
    }

    [Fact]
    public async Task A_mistyped_command_is_a_usage_error_that_suggests_the_right_one()
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, "chek", ".");
        Assert.Equal(2, exit);
        Assert.Contains("lsptriage: Unrecognized command or argument 'chek'.", error);
        Assert.Contains("Did you mean", error);
        Assert.Contains("check", error.Split("Did you mean")[1]);
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_but_after_a_double_dash_it_is_a_path()
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, "check", "--weird.md");
        Assert.Equal(2, exit);
        Assert.Contains("lsptriage check: Unknown option --weird.md.", error);
        Assert.Contains("Usage: lsptriage check PATH... [options]", error);

        _dir.Write("--weird.md", "---\nkind: incident\n---\n# X\n\nOwner TBD\n");
        var (pathExit, output, _) = await CliRunner.RunAsync(_dir.Path, "check", "--", "--weird.md");
        Assert.Equal(0, pathExit);
        Assert.Contains("--weird.md:6:7: warning LT001", output);
    }

    [Fact]
    public async Task Options_read_with_equals_repeated_and_from_a_response_file()
    {
        _dir.Write("incidents/a.md", "# Incident\n\n## Raw incident context\nOwner TBD\n");
        var rsp = _dir.Write("args.rsp", "--format json\n--disable LT001\n");
        var (exit, output, error) = await CliRunner.RunAsync(_dir.Path, "check", "incidents", "@" + rsp);
        Assert.True(exit == 0, error);
        Assert.StartsWith("{", output.TrimStart());
        Assert.DoesNotContain("LT001", output);

        var (eqExit, eqOutput, _) = await CliRunner.RunAsync(_dir.Path, "check", "incidents", "--format=text", "--format=json");
        Assert.Equal(0, eqExit);
        Assert.StartsWith("{", eqOutput.TrimStart());
    }

    [Fact]
    public async Task An_option_without_its_value_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync(_dir.Path, "check", ".", "--format");
        Assert.Equal(2, exit);
        Assert.Contains("lsptriage check: Required argument missing for option: '--format'.", error);
    }

    [Fact]
    public async Task The_suggest_directive_completes_commands_options_and_values()
    {
        Assert.Contains("check", await SuggestAsync("lsptriage ch"));
        Assert.Contains("--format", await SuggestAsync("lsptriage check --fo"));
        Assert.Equal(["json", "sarif", "text"], await SuggestAsync("lsptriage check --format "));
        Assert.Contains("google-sre", await SuggestAsync("lsptriage check --template "));
    }

    [Fact]
    public async Task Bash_completes_through_the_script_lsptriage_prints()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // bash completion is a POSIX-shell feature; pwsh has its own script.
        }
        var (_, script, _) = await CliRunner.RunAsync(_dir.Path, "completion", "bash");
        var scriptFile = _dir.Write("completion.bash", script);
        // The test's output folder holds the lsptriage app host built from the same project.
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c",
                $$"""
                source '{{scriptFile}}'
                COMP_LINE='lsptriage check --format s'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(lsptriage check --format s); COMP_CWORD=3
                _lsptriage_complete; echo "${COMPREPLY[*]}"
                """,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.Equal("sarif", output.Trim());
    }

    private async Task<string[]> SuggestAsync(string line)
    {
        var (exit, output, _) = await CliRunner.RunAsync(_dir.Path, $"[suggest:{line.Length}]", line);
        Assert.Equal(0, exit);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
