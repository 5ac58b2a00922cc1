namespace LspTriage.Core.Evaluation;

/// <summary>
/// One analyzer configuration under test. <see cref="Language"/> is the output language: <c>en</c>, <c>zh</c>, or
/// <see cref="SameAsScenario"/> to answer in each scenario's own language. The offline analyzer has no model or
/// prompt, so its combinations carry <see cref="NotApplicable"/> there instead of repeating identical runs.
/// </summary>
public sealed record EvalCombination(string Provider, string Model, string Prompt, string Language)
{
    public const string SameAsScenario = "auto";
    public const string NotApplicable = "-";

    /// <summary>Stable text key, used in results.jsonl and in comparisons: <c>provider/model/prompt/lang</c>.</summary>
    public string Key => $"{Provider}/{Model}/{Prompt}/{Language}";

    public override string ToString() => Key;
}
