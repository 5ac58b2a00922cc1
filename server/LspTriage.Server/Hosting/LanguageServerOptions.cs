namespace LspTriage.Server.Hosting;

public sealed record LanguageServerOptions
{
    /// <summary>Quiet period after the last edit before diagnostics are computed and pushed.</summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Environment variables, injected so tests control what the LLM and database settings see.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Adds features beyond the built-in ones (tests use it for commands they control).</summary>
    internal Action<Features.FeatureSet>? AddFeatures { get; init; }
}
