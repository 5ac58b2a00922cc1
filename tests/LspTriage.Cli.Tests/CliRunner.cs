using LspTriage.Cli.Cli;

namespace LspTriage.Cli.Tests;

/// <summary>Runs <c>lsptriage</c> in-process with captured output, in a chosen working directory.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, IsTerminal: false, workingDirectory, Environment.GetEnvironmentVariable);
        var exit = await CommandLineApp.RunAsync(args, io, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
