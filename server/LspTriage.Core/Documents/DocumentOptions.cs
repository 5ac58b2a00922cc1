namespace LspTriage.Core.Documents;

/// <summary>How files are recognised and which placeholders count. Mirrors the server settings and the CLI flags.</summary>
public sealed record DocumentOptions
{
    public static readonly DocumentOptions Default = new();

    private readonly IReadOnlyList<string> _incidentGlobs = [];
    private readonly IReadOnlyList<string> _postmortemGlobs = [];

    public DocumentOptions()
    {
        IncidentGlobs = ["**/incidents/**/*.md", "**/*.incident.md"];
        PostmortemGlobs = ["**/postmortems/**/*.md", "**/*.postmortem.md"];
    }

    // The compiled globs are set together with the pattern lists, so a `with` copy never keeps stale ones.
    public IReadOnlyList<string> IncidentGlobs
    {
        get => _incidentGlobs;
        init
        {
            _incidentGlobs = value;
            IncidentMatchers = [.. value.Select(g => new Glob(g))];
        }
    }

    public IReadOnlyList<string> PostmortemGlobs
    {
        get => _postmortemGlobs;
        init
        {
            _postmortemGlobs = value;
            PostmortemMatchers = [.. value.Select(g => new Glob(g))];
        }
    }

    internal IReadOnlyList<Glob> IncidentMatchers { get; private init; } = [];

    internal IReadOnlyList<Glob> PostmortemMatchers { get; private init; } = [];

    /// <summary>True when a path matches any incident or postmortem glob (used by workspace scans and the CLI).</summary>
    public bool IsIncidentPath(string path) =>
        IncidentMatchers.Any(g => g.IsMatch(path)) || PostmortemMatchers.Any(g => g.IsMatch(path));

    private readonly IReadOnlyList<string> _placeholderPatterns = [];

    /// <summary>Extra placeholder patterns (.NET regular expressions) beyond the built-in ones; invalid ones are ignored.</summary>
    public IReadOnlyList<string> PlaceholderPatterns
    {
        get => _placeholderPatterns;
        init
        {
            _placeholderPatterns = value;
            Placeholders = new PlaceholderScanner(value);
        }
    }

    internal PlaceholderScanner Placeholders { get; private init; } = new([]);

    /// <summary>The template every document follows (<c>lsptriage</c>, <c>google-sre</c>, <c>atlassian</c>, <c>pagerduty</c>); null or <c>auto</c>: detect it from the headings. Front matter <c>template:</c> wins over both.</summary>
    public string? Template { get; init; }

    /// <summary>Headings of the sections a postmortem must have, replacing the template's list when not empty ("Summary", "Root cause", …).</summary>
    public IReadOnlyList<string> RequiredSections { get; init; } = [];

    /// <summary>Rule codes (LT031, …) that are not reported.</summary>
    public IReadOnlyList<string> DisabledRules { get; init; } = [];
}
