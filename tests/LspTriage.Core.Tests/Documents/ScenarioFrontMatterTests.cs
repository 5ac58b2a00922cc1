using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Documents;

/// <summary>The evaluation scenarios' expectations are read by the same front-matter reader as every incident file:
/// each expected quote must come back whole (commas, escaped quotes and all) and occur in the scenario's own text.</summary>
public sealed class ScenarioFrontMatterTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.SamplesRoot, "scenarios"), "*.md").Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(file).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                data.Add(Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Expected_quotes_are_read_whole_and_occur_in_the_scenario(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.SamplesRoot, "scenarios", name));
        var doc = IncidentDocument.Parse(text);
        var body = text[doc.FrontMatter.Span.End..];

        Assert.NotNull(doc.FrontMatter.Find("expect_category"));
        var quotes = (doc.FrontMatter.Find("expect_any")?.Items ?? []).Concat(doc.FrontMatter.Find("expect_evidence")?.Items ?? []).ToList();
        Assert.NotEmpty(quotes);
        foreach (var quote in quotes)
        {
            Assert.Contains(quote, body, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var claim in doc.FrontMatter.Find("must_not_claim")?.Items ?? [])
        {
            Assert.DoesNotContain(claim, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
