using System.CommandLine;
using System.CommandLine.Invocation;
using LspTriage.Cli.Commands;
using LspTriage.Core;

namespace LspTriage.Cli.Cli;

/// <summary>
/// Dispatches <c>lsptriage VERB ...</c> to its command through System.CommandLine (<see cref="CommandLineSyntax"/>),
/// and keeps our conventions on top of it: exit code 2 and the command's synopsis on every usage error, <c>lsptriage
/// help [VERB]</c> and <c>lsptriage version</c> as verbs too.
/// </summary>
internal static class CommandLineApp
{
    public static string Version => ProductVersion.Current;

    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new ServeCommand(),
        new CheckCommand(),
        new AnalyzeCommand(),
        new SimilarCommand(),
        new IndexCommand(),
        new EvalCommand(),
        new StatsCommand(),
        new ActionsCommand(),
        new CompletionCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken)
    {
        if (args is ["serve"] or ["serve", "--stdio"])
        {
            // Editors start the server for every window and wait for it: it skips building the command-line parser
            // (tens of milliseconds of start-up, measured against a peer server in bench/lsp-peer).
            return await ServeCommand.RunAsync().ConfigureAwait(false);
        }
        args = args switch
        {
            ["help", .. var rest] => [.. rest, "--help"],
            ["version"] => ["--version"],
            _ => args,
        };
        var version = new Option<bool>("--version", "-V") { Description = "Show the version" };
        var root = CommandLineSyntax.Build(Commands, args, Description, version, (command, parsed, token) => RunCommandAsync(command, parsed, io, token));
        root.SetAction(async result =>
        {
            if (result.GetValue(version))
            {
                await io.Out.WriteLineAsync($"lsptriage {Version}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            // No command: the overview, and a usage error for scripts.
            await root.Parse("--help").InvokeAsync(Configuration(io)).ConfigureAwait(false);
            return ExitCodes.Usage;
        });
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction errors)
        {
            await WriteParseErrorsAsync(parsed, errors, io).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(Configuration(io), cancellationToken).ConfigureAwait(false);
    }

    private static string Description => $"""
        lsptriage {Version}: incident analysis, similar past incidents and postmortem checks, in your editor and in CI.

        Exit codes: 0 success, 1 findings at error level or a failed run, 2 usage error.
        """;

    private static InvocationConfiguration Configuration(CliIo io) => new()
    {
        Output = io.Out,
        Error = io.Error,
        // Our commands report their own failures; an exception that escapes is a bug and must not look like a result.
        EnableDefaultExceptionHandler = false,
    };

    private static async Task<int> RunCommandAsync(ICliCommand command, CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        try
        {
            return await command.RunAsync(args, io, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await io.Error.WriteLineAsync($"lsptriage {command.Name}: {ex.Message}").ConfigureAwait(false);
            await WriteSynopsisAsync(command, io).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await io.Error.WriteLineAsync($"lsptriage {command.Name}: cancelled.").ConfigureAwait(false);
            return 130;
        }
    }

    /// <summary>
    /// System.CommandLine words the errors and suggests a fix for a typo ("Did you mean check?"); the prefix naming the
    /// command, the synopsis and the exit code are ours, as for the usage errors the commands find themselves.
    /// </summary>
    private static async Task WriteParseErrorsAsync(ParseResult parsed, ParseErrorAction errors, CliIo io)
    {
        var command = Commands.FirstOrDefault(c => c.Name == parsed.CommandResult.Command.Name);
        var prefix = command is null ? "lsptriage: " : $"lsptriage {command.Name}: ";
        var messages = parsed.Errors.Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        using var captured = new StringWriter();
        errors.ShowHelp = false;
        parsed.Invoke(new InvocationConfiguration { Output = captured, Error = captured });
        foreach (var line in captured.ToString().Trim().Split('\n').Select(l => l.TrimEnd('\r')))
        {
            await io.Error.WriteLineAsync(messages.Contains(line) ? prefix + line : line).ConfigureAwait(false);
        }
        await WriteSynopsisAsync(command, io).ConfigureAwait(false);
    }

    private static async Task WriteSynopsisAsync(ICliCommand? command, CliIo io)
    {
        if (command is null)
        {
            await io.Error.WriteLineAsync("Run 'lsptriage --help' for the commands.").ConfigureAwait(false);
            return;
        }
        var lines = command.Synopsis.Select((s, i) => (i == 0 ? "Usage: " : "       ") + $"lsptriage {command.Name} {s}");
        await io.Error.WriteLineAsync($"""

            {string.Join(Environment.NewLine, lines)}
            Run 'lsptriage {command.Name} --help' for every option.
            """).ConfigureAwait(false);
    }
}
