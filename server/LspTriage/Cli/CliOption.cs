namespace LspTriage.Cli.Cli;

/// <summary>How an option reads its value.</summary>
internal enum CliOptionKind
{
    /// <summary>Present or not: <c>--json</c>.</summary>
    Flag,

    /// <summary>One value; given twice, the last one counts: <c>--format json</c>.</summary>
    Value,

    /// <summary>A value that may be given several times, each adding one: <c>--disable LT001 --disable LT033</c>.</summary>
    Repeated,
}

/// <summary>
/// One option of a command, declared once: the parser, the help and the shell completion are all made from it.
/// <paramref name="Completions"/> are offered by shell completion; whether a value is allowed is the command's call
/// (some take comma-separated lists), so it stays in the command.
/// </summary>
internal sealed record CliOption(string Name, CliOptionKind Kind, string? ValueName, string Description, IReadOnlyList<string> Completions)
{
    public static CliOption Flag(string name, string description) => new(name, CliOptionKind.Flag, null, description, []);

    public static CliOption Value(string name, string valueName, string description, params string[] completions) =>
        new(name, CliOptionKind.Value, valueName, description, completions);

    public static CliOption Repeated(string name, string valueName, string description, params string[] completions) =>
        new(name, CliOptionKind.Repeated, valueName, description, completions);
}
