namespace LspTriage.Cli.Cli;

/// <summary>One verb of <c>lsptriage</c>. Exit codes: 0 success, 1 the work found errors or failed, 2 usage error.</summary>
internal interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for <c>lsptriage --help</c>, and the first line of the command's own help.</summary>
    string Summary { get; }

    /// <summary>The positional arguments as help shows them (<c>PATH...</c>, <c>FILE</c>), or null when there are none.</summary>
    string? Arguments { get; }

    /// <summary>What the positionals are, for the help's Arguments list.</summary>
    string ArgumentsDescription => "";

    /// <summary>The synopsis lines after <c>lsptriage NAME</c>; the first is shown with every usage error.</summary>
    IReadOnlyList<string> Synopsis => [Arguments is null ? "[options]" : $"{Arguments} [options]"];

    IReadOnlyList<CliOption> Options { get; }

    /// <summary>What the command does in detail and its exit codes: the end of its help.</summary>
    string Details { get; }

    Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken);
}
