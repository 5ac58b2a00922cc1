namespace LspTriage.Core.Documents;

/// <summary>How files are recognised and which placeholders count. Mirrors the server settings and the CLI flags.</summary>
public sealed record DocumentOptions
{
    public static readonly DocumentOptions Default = new();

    public IReadOnlyList<string> IncidentGlobs { get; init; } = ["**/incidents/**/*.md", "**/*.incident.md"];

    public IReadOnlyList<string> PostmortemGlobs { get; init; } = ["**/postmortems/**/*.md", "**/*.postmortem.md"];

    /// <summary>Extra placeholder patterns (.NET regular expressions) beyond the built-in ones.</summary>
    public IReadOnlyList<string> PlaceholderPatterns { get; init; } = [];
}
