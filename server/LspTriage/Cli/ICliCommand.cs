namespace LspTriage.Cli.Cli;

/// <summary>One verb of <c>lsptriage</c>. Exit codes: 0 success, 1 the work found errors or failed, 2 usage error.</summary>
internal interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for <c>lsptriage --help</c>.</summary>
    string Summary { get; }

    /// <summary>The command's own help: synopsis and options.</summary>
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken cancellationToken);
}
