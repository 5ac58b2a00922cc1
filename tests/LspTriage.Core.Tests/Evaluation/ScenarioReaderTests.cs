using LspTriage.Core.Analysis;
using LspTriage.Core.Evaluation;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Evaluation;

public sealed class ScenarioReaderTests
{
    private const string Valid = """
        ---
        service: orders-api
        form: logs
        expect_category: connection-pool-exhaustion
        expect_any: [Too many connections, pool]
        expect_evidence:
          - "ERROR 1040 (HY000): Too many connections"
          - "HikariPool-1 - Connection is not available"
        expect_severity: sev2
        must_not_claim:
          - failover
        ---
        # orders-api errors

        ## Raw incident context

        ERROR 1040 (HY000): Too many connections
        HikariPool-1 - Connection is not available, request timed out after 30000ms.
        """;

    [Fact]
    public void Reads_every_expectation_from_the_front_matter()
    {
        var problems = new List<string>();
        var s = ScenarioReader.Parse(Valid, "orders", "orders.md", problems);
        Assert.Empty(problems);
        Assert.NotNull(s);
        Assert.Equal("connection-pool-exhaustion", s.ExpectCategory);
        Assert.Equal(["Too many connections", "pool"], s.ExpectAny);
        Assert.Equal(["ERROR 1040 (HY000): Too many connections", "HikariPool-1 - Connection is not available"], s.ExpectEvidence);
        Assert.Equal("SEV2", s.ExpectSeverity);
        Assert.Equal(["failover"], s.MustNotClaim);
        Assert.Equal("logs", s.Form);
        Assert.Equal(AnalysisLanguage.English, s.Language);
        Assert.StartsWith("ERROR 1040", s.Context.RawContext);
        Assert.Equal("orders-api", s.Context.Service);
    }

    [Fact]
    public void Each_bad_expectation_is_a_problem_naming_the_file()
    {
        var bad = Valid.Replace("sev2", "critical").Replace("form: logs", "form: screenshot").Replace("expect_category: connection-pool-exhaustion\n", "");
        var problems = new List<string>();
        Assert.Null(ScenarioReader.Parse(bad, "orders", "incidents/orders.md", problems));
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("incidents/orders.md: ", p));
        Assert.Contains(problems, p => p.Contains("expect_category"));
        Assert.Contains(problems, p => p.Contains("expect_severity must be SEV1..SEV5 (got 'critical')"));
        Assert.Contains(problems, p => p.Contains("form must be one of prose, alert"));
    }

    [Fact]
    public void A_scenario_without_raw_context_is_a_problem()
    {
        var problems = new List<string>();
        Assert.Null(ScenarioReader.Parse(Valid.Replace("## Raw incident context", "## Notes"), "orders", "orders.md", problems));
        Assert.Contains(problems, p => p.Contains("Raw incident context"));
    }

    [Fact]
    public void Language_comes_from_the_text_unless_the_front_matter_says()
    {
        Assert.Equal(AnalysisLanguage.Chinese, ScenarioReader.LanguageOf("[09:15] 小王: 日志里全是 write /data/wal: No space left on device，磁盘满了，需要清理"));
        // A Chinese service name inside English logs does not make the scenario Chinese.
        Assert.Equal(AnalysisLanguage.English, ScenarioReader.LanguageOf("ERROR 订单服务 timeout calling inventory; retries exhausted after 3 attempts"));
        var problems = new List<string>();
        var s = ScenarioReader.Parse(Valid.Replace("form: logs", "form: logs\nlang: zh"), "orders", "orders.md", problems);
        Assert.Equal(AnalysisLanguage.Chinese, s!.Language);
    }

    [Fact]
    public void A_folder_yields_its_scenarios_by_relative_id_and_passes_over_other_markdown()
    {
        using var dir = new TempFolder();
        dir.Write("README.md", "# Scenarios\n\nHow to write one.\n");
        dir.Write("db/orders.md", Valid);
        dir.Write("k8s/thumbs.md", Valid.Replace("form: logs", "form: kubectl"));
        dir.Write("broken.md", Valid.Replace("sev2", "SEV9"));
        var read = ScenarioReader.Read([dir.Path]);
        Assert.Equal(["db/orders", "k8s/thumbs"], read.Scenarios.Select(s => s.Id));
        Assert.Single(read.Problems);
        Assert.Contains("broken.md", read.Problems[0]);
        Assert.NotEqual(read.Scenarios[0].Hash, read.Scenarios[1].Hash);
    }

    [Fact]
    public void A_named_file_that_is_not_a_scenario_and_a_missing_path_are_problems()
    {
        using var dir = new TempFolder();
        var readme = dir.Write("README.md", "# Scenarios\n");
        var read = ScenarioReader.Read([readme, Path.Combine(dir.Path, "missing.md")]);
        Assert.Empty(read.Scenarios);
        Assert.Equal(2, read.Problems.Count);
        Assert.Contains("no such file", read.Problems[1]);
    }

    [Fact]
    public void The_hash_ignores_line_endings()
    {
        var problems = new List<string>();
        var lf = ScenarioReader.Parse(Valid, "a", "a.md", problems)!;
        var crlf = ScenarioReader.Parse(Valid.Replace("\n", "\r\n"), "a", "a.md", problems)!;
        Assert.Equal(lf.Hash, crlf.Hash);
        Assert.Equal(lf.ExpectEvidence, crlf.ExpectEvidence);
    }
}
