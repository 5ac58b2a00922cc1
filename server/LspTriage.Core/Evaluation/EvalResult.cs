using System.Text.Json.Serialization;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// One run of one scenario under one combination: a line of <c>results.jsonl</c>. A failed run keeps its
/// <see cref="Error"/> and scores zero on the rates (so failing never looks better than answering badly); its counts,
/// latency and tokens are null. Scores that do not apply to the scenario (no <c>expect_any</c>, no command in the
/// checklist) are null and left out of averages.
/// </summary>
public sealed record EvalResult
{
    public required string Scenario { get; init; }

    public required string ScenarioHash { get; init; }

    public required string Form { get; init; }

    /// <summary>The scenario's own language (<c>en</c> or <c>zh</c>).</summary>
    public required string ScenarioLang { get; init; }

    public required string Provider { get; init; }

    public required string Model { get; init; }

    public required string Prompt { get; init; }

    /// <summary>The combination's language setting (<c>en</c>, <c>zh</c> or <c>auto</c>).</summary>
    public required string Lang { get; init; }

    public required int Repeat { get; init; }

    public string? Error { get; init; }

    public string? ErrorKind { get; init; }

    public string? ExpectedCategory { get; init; }

    /// <summary>The signature the analysis put first, or <c>none</c>.</summary>
    public string? Category { get; init; }

    public string? Severity { get; init; }

    public bool Top1 { get; init; }

    public bool Top3 { get; init; }

    public bool? NamesCause { get; init; }

    public double? EvidenceRecall { get; init; }

    public bool SeverityMatch { get; init; }

    public bool SaneSummary { get; init; }

    public string? SummaryProblem { get; init; }

    public int? UnsupportedClaims { get; init; }

    public IReadOnlyList<string>? Unsupported { get; init; }

    public int? EmptySections { get; init; }

    public IReadOnlyList<string>? Empty { get; init; }

    public double? CommandsFitStack { get; init; }

    public IReadOnlyList<string>? MisfitCommands { get; init; }

    public double? LatencyMs { get; init; }

    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    public decimal? Cost { get; init; }

    [JsonIgnore]
    public bool Failed => Error is not null;

    [JsonIgnore]
    public EvalCombination Combination => new(Provider, Model, Prompt, Lang);

    /// <summary>Identifies the run for resuming and comparing: scenario, combination and repeat.</summary>
    [JsonIgnore]
    public string RunKey => $"{Scenario}|{Combination.Key}|{Repeat}";
}
