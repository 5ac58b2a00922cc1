using System.CommandLine;
using System.Globalization;

namespace LspTriage.Cli.Cli;

/// <summary>
/// A command's parsed arguments, read by option name: what System.CommandLine parsed against the command's
/// <see cref="CliOption"/> declarations. The value checks that need the command's words (a choice, a range) live here
/// so every command says them the same way.
/// </summary>
internal sealed class CliArgs(ParseResult result, IReadOnlyDictionary<string, Option> options, Argument<string[]>? positionals)
{
    public IReadOnlyList<string> Positionals => positionals is null ? [] : result.GetValue(positionals) ?? [];

    /// <summary>The words as given, from the command's name on (response files expanded): for reports to say how they were made.</summary>
    public string CommandLine => string.Join(' ', result.Tokens.Select(t => t.Value));

    public bool Has(string flag) => result.GetValue((Option<bool>)options[flag]);

    /// <summary>The option's value; given more than once, the last.</summary>
    public string? Value(string name) => Values(name) is [.., var last] ? last : null;

    public IReadOnlyList<string> Values(string name) => result.GetValue((Option<string[]>)options[name]) ?? [];

    /// <summary>A value that must be one of <paramref name="allowed"/>.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Value(name) ?? fallback;
        return allowed.Contains(value) ? value : throw new UsageException($"--{name} must be one of {string.Join(", ", allowed)} (got '{value}').");
    }

    public int Integer(string name, int fallback, int min, int max)
    {
        var raw = Value(name);
        if (raw is null)
        {
            return fallback;
        }
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"--{name} must be a whole number from {min} to {max} (got '{raw}').");
    }
}
