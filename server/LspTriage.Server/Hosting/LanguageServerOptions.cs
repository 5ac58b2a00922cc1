namespace LspTriage.Server.Hosting;

public sealed record LanguageServerOptions
{
    /// <summary>Quiet period after the last edit before diagnostics are computed and pushed.</summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment variables the LLM endpoint is read from (API key, base URL, model); null means the
    /// process's own. Injected so tests control them without touching the test process's environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    internal string? EnvironmentVariable(string name) =>
        Environment is null ? System.Environment.GetEnvironmentVariable(name) : Environment.GetValueOrDefault(name);

    /// <summary>How the server reads the files it scans (null: <see cref="File.ReadAllText(string)"/>). Tests count reads.</summary>
    internal Func<string, string>? ReadFile { get; init; }

    /// <summary>Adds features beyond the built-in ones (tests use it for commands they control).</summary>
    internal Action<Features.FeatureSet>? AddFeatures { get; init; }
}
