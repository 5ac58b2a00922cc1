using LspTriage.Cli.Commands;
using LspTriage.Core;

namespace LspTriage.Cli.Cli;

/// <summary>Dispatches <c>lsptriage VERB ...</c> to its command, and answers <c>--help</c> and <c>--version</c>.</summary>
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
    ];

    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            var topic = args.Length > 1 ? Commands.FirstOrDefault(c => c.Name == args[1]) : null;
            await io.Out.WriteLineAsync(topic?.Usage ?? Help()).ConfigureAwait(false);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }
        if (args[0] is "--version" or "-V" or "version")
        {
            await io.Out.WriteLineAsync($"lsptriage {Version}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await io.Error.WriteLineAsync($"lsptriage: unknown command '{args[0]}'. Run 'lsptriage --help' for the list.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var rest = args.Skip(1).ToArray();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            await io.Out.WriteLineAsync(command.Usage).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        try
        {
            return await command.RunAsync(rest, io, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await io.Error.WriteLineAsync($"lsptriage {command.Name}: {ex.Message}\n\n{command.Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await io.Error.WriteLineAsync($"lsptriage {command.Name}: cancelled.").ConfigureAwait(false);
            return 130;
        }
    }

    private static string Help()
    {
        var width = Commands.Max(c => c.Name.Length);
        var lines = Commands.Select(c => $"  {c.Name.PadRight(width)}  {c.Summary}");
        return $"""
            lsptriage {Version}: incident analysis, similar past incidents and postmortem checks, in your editor and in CI.

            Usage: lsptriage <command> [options]

            Commands:
            {string.Join(Environment.NewLine, lines)}

            Options:
              --help, -h     Show help (also: lsptriage <command> --help)
              --version      Show the version

            Exit codes: 0 success, 1 findings at error level or a failed run, 2 usage error.
            """;
    }
}
