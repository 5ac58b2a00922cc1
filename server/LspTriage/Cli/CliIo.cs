namespace LspTriage.Cli.Cli;

/// <summary>Where a command writes, and what it knows of its surroundings; injected so tests run commands in-process.</summary>
/// <remarks><see cref="IsTerminal"/>: a person watches standard error (progress); <see cref="OutIsTerminal"/>: standard
/// output is read on a terminal, not by a pipe (tables instead of plain lines).</remarks>
internal sealed record CliIo(TextWriter Out, TextWriter Error, bool IsTerminal, string WorkingDirectory, Func<string, string?> GetEnvironment, bool OutIsTerminal = false)
{
    public static CliIo FromConsole() => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected,
        Environment.CurrentDirectory,
        Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected);

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
