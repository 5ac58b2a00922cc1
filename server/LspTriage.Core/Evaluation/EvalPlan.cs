using LspTriage.Core.Analysis;

namespace LspTriage.Core.Evaluation;

/// <summary>
/// What to run: every combination of provider × model × prompt × language, <see cref="Repeat"/> times per scenario,
/// <see cref="Concurrency"/> at a time. <see cref="BaseOptions"/> carries what is the same for every run (endpoint,
/// timeout, retries); each run overrides provider, model, prompt and language.
/// </summary>
public sealed record EvalPlan(IReadOnlyList<EvalCombination> Combinations, int Repeat, int Concurrency, AnalysisOptions BaseOptions)
{
    public static IReadOnlyList<EvalCombination> Combine(
        IReadOnlyList<string> providers, IReadOnlyList<string> models, IReadOnlyList<string> prompts, IReadOnlyList<string> languages)
    {
        var combinations = new List<EvalCombination>();
        foreach (var provider in providers)
        {
            var offline = new AnalysisOptions { Provider = provider }.IsOffline;
            foreach (var model in offline ? [EvalCombination.NotApplicable] : models)
            {
                foreach (var prompt in offline ? [EvalCombination.NotApplicable] : prompts)
                {
                    foreach (var language in languages)
                    {
                        combinations.Add(new EvalCombination(provider, model, prompt, language));
                    }
                }
            }
        }
        return combinations.DistinctBy(c => c.Key).ToList();
    }

    public int RunCount(int scenarios) => scenarios * Combinations.Count * Repeat;
}
