namespace LspTriage.Cli.Cli;

/// <summary>Where a command writes, and what it knows of its surroundings; injected so tests run commands in-process.</summary>
internal sealed record CliIo(TextWriter Out, TextWriter Error, bool IsTerminal, string WorkingDirectory, Func<string, string?> GetEnvironment)
{
    public static CliIo FromConsole() => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected,
        Environment.CurrentDirectory,
        Environment.GetEnvironmentVariable);

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
