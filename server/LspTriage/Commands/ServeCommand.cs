using LspTriage.Cli.Cli;
using LspTriage.Server.Hosting;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage serve</c>: the language server over stdin/stdout. Nothing else may write to stdout here.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";

    public string Summary => "Run the language server over stdio (LSP 3.17)";

    public string? Arguments => null;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Flag("stdio", "Speak LSP over standard input and output (the default and only transport)"),
    ];

    public string Details => """
        Runs the LspTriage language server, speaking LSP over standard input and output.
        Editors start it; the VS Code extension does so for you. Logs go to the editor (window/logMessage).
        """;

    public Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken) => RunAsync();

    public static async Task<int> RunAsync()
    {
        // The standard streams are not disposed: the process owns them, and a blocked stdin read must not delay exit.
        StartupTrace.Mark("serve command");
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        await using var server = new LanguageServer(input, output);
        StartupTrace.Mark("server built");
        return await server.RunAsync().ConfigureAwait(false);
    }
}
