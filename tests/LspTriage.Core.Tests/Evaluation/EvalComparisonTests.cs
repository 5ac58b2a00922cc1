using LspTriage.Core.Evaluation;

namespace LspTriage.Core.Tests.Evaluation;

public sealed class EvalComparisonTests
{
    private static EvalResult Run(string scenario, bool top1 = true, int unsupported = 0, string hash = "h", string lang = "auto", double latency = 5) => new()
    {
        Scenario = scenario,
        ScenarioHash = hash + scenario,
        Form = "logs",
        ScenarioLang = "en",
        Provider = "offline",
        Model = "-",
        Prompt = "-",
        Lang = lang,
        Repeat = 1,
        Top1 = top1,
        Top3 = top1,
        SeverityMatch = true,
        SaneSummary = true,
        UnsupportedClaims = unsupported,
        EmptySections = 0,
        LatencyMs = latency,
    };

    private static IReadOnlyList<EvalResult> Runs(int scenarios, Func<int, EvalResult>? tweak = null) =>
        Enumerable.Range(0, scenarios).Select(i => tweak?.Invoke(i) ?? Run($"s{i}")).ToList();

    [Fact]
    public void Identical_evals_have_no_regression_and_no_scenario_changes()
    {
        var c = EvalComparison.Compare(Runs(10), Runs(10), CompareThresholds.Default);
        Assert.False(c.HasRegression);
        Assert.Empty(c.Scenarios);
        Assert.Equal(10, c.ComparedRuns);
        Assert.All(c.Metrics, m => Assert.Equal(m.Before, m.After));
    }

    [Fact]
    public void One_scenario_losing_top1_out_of_ten_is_a_regression_at_the_default_threshold_but_not_at_a_loose_one()
    {
        var after = Runs(10, i => Run($"s{i}", top1: i != 3));
        var c = EvalComparison.Compare(Runs(10), after, CompareThresholds.Default);
        Assert.True(c.HasRegression);
        var top1 = Assert.Single(c.Metrics, m => m.Metric.Id == "top1");
        Assert.Equal(1.0, top1.Before);
        Assert.Equal(0.9, top1.After, 6);
        Assert.True(top1.IsRegression);
        var moved = Assert.Single(c.Scenarios);
        Assert.Equal("s3", moved.Scenario);
        Assert.Equal(["top1", "top3"], moved.Changes.Select(m => m.Metric.Id));

        Assert.False(EvalComparison.Compare(Runs(10), after, CompareThresholds.Parse("0.2")).HasRegression);
        Assert.False(EvalComparison.Compare(Runs(10), after, CompareThresholds.Parse("top1=0.2,top3=0.15")).HasRegression);
    }

    [Fact]
    public void More_unsupported_claims_is_worse_and_fewer_is_better()
    {
        var more = EvalComparison.Compare(Runs(4), Runs(4, i => Run($"s{i}", unsupported: i == 0 ? 2 : 0)), CompareThresholds.Default);
        Assert.True(Assert.Single(more.Metrics, m => m.Metric.Id == "unsupported").IsRegression);
        var fewer = EvalComparison.Compare(Runs(4, i => Run($"s{i}", unsupported: 1)), Runs(4), CompareThresholds.Default);
        Assert.False(fewer.HasRegression);
        Assert.True(Assert.Single(fewer.Metrics, m => m.Metric.Id == "unsupported").Worsening < 0);
    }

    [Fact]
    public void Latency_is_reported_but_gates_only_when_named()
    {
        var slower = Runs(3, i => Run($"s{i}", latency: 500));
        Assert.False(EvalComparison.Compare(Runs(3), slower, CompareThresholds.Default).HasRegression);
        Assert.True(EvalComparison.Compare(Runs(3), slower, CompareThresholds.Parse("latency-ms=100")).HasRegression);
    }

    [Fact]
    public void New_and_edited_scenarios_are_listed_and_left_out_of_the_means()
    {
        var before = Runs(4);
        // s0 was edited (its expectations changed) and got worse; s9 is new and bad: neither may sink the gate.
        var after = Runs(4, i => i == 0 ? Run("s0", top1: false, hash: "edited") : Run($"s{i}")).Append(Run("s9", top1: false)).ToList();
        var c = EvalComparison.Compare(before, after, CompareThresholds.Default);
        Assert.False(c.HasRegression);
        Assert.Equal(["s9"], c.Added);
        Assert.Equal(["s0"], c.Edited);
        Assert.Equal(3, c.ComparedRuns);
    }

    [Fact]
    public void Combinations_are_compared_separately()
    {
        var before = Runs(2).Concat(Runs(2, i => Run($"s{i}", lang: "zh"))).ToList();
        var after = Runs(2).Concat(Runs(2, i => Run($"s{i}", lang: "zh", top1: false))).ToList();
        var c = EvalComparison.Compare(before, after, CompareThresholds.Default);
        Assert.Equal(["offline/-/-/zh"], c.Metrics.Where(m => m.IsRegression).Select(m => m.Combination).Distinct());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("top9=0.1")]
    public void A_bad_threshold_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => CompareThresholds.Parse(text));
    }
}
