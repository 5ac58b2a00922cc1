using System.Text.Json;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Llm;
using LspTriage.Core.Analysis.Prompts;

namespace LspTriage.Core.Tests.Analysis;

public sealed class PromptLibraryTests
{
    [Theory]
    [InlineData("v1", AnalysisLanguage.English)]
    [InlineData("v1", AnalysisLanguage.Chinese)]
    [InlineData("v2", AnalysisLanguage.English)]
    [InlineData("v2", AnalysisLanguage.Chinese)]
    public void Every_prompt_version_and_language_is_embedded_with_its_placeholders(string version, AnalysisLanguage language)
    {
        var p = PromptLibrary.Get(version, language);
        Assert.Contains("{{schema}}", p.System);
        Assert.Contains("{{context}}", p.User);
        var (system, user) = p.Render(new Dictionary<string, string> { ["schema"] = "S", ["context"] = "C", ["title"] = "T", ["service"] = "V", ["facts"] = "F" });
        Assert.DoesNotContain("{{", system + user);
        if (version == "v2")
        {
            Assert.Contains("<<<CONTEXT", p.User);
            Assert.Contains("{{facts}}", p.User);
        }
    }

    [Fact]
    public void Unknown_versions_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PromptLibrary.Get("v7", AnalysisLanguage.English));
    }

    [Fact]
    public void The_answer_schema_is_json_naming_every_section()
    {
        var schema = JsonDocument.Parse(PromptLibrary.AnswerSchema).RootElement;
        var required = schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["summary", "severity", "hypotheses", "checklist", "mitigations", "customer_impact", "postmortem_draft", "follow_ups"], required);
    }

    [Fact]
    public void Price_table_reproduces_the_seeds_cost_and_is_overridable()
    {
        Assert.Equal(0.00210m, Math.Round(PriceTable.Default.CostOf("deepseek-chat", 1739, 1480)!.Value, 5));
        Assert.Null(PriceTable.Default.CostOf("my-local-llama", 10, 10));
        Assert.Equal(0.00002m, PriceTable.Default.With("my-local-llama", new ModelPrice(1m, 1m)).CostOf("my-local-llama", 10, 10));
    }
}
