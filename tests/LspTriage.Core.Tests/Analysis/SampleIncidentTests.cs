using LspTriage.Tests.Shared;
using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Editing;
using LspTriage.Core.Analysis.Grounding;
using LspTriage.Core.Analysis.Offline;
using LspTriage.Core.Analysis.Rendering;
using LspTriage.Core.Analysis.Signatures;
using LspTriage.Core.Documents;

namespace LspTriage.Core.Tests.Analysis;

public sealed class SampleIncidentTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        // Samples that name a failure signature as their category (other samples, e.g. postmortems only, are not analyzer cases).
        foreach (var f in Directory.GetFiles(RepoPaths.Samples, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (IncidentDocument.Parse(File.ReadAllText(f), f).FrontMatter["category"] is not null)
            {
                data.Add(Path.GetFileName(f));
            }
        }
        return data;
    }

    private static IncidentDocument Load(string name) =>
        IncidentDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, name)), Path.Combine(RepoPaths.Samples, name));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Offline_top_hypothesis_matches_the_samples_category(string name)
    {
        var doc = Load(name);
        var category = doc.FrontMatter["category"];
        Assert.NotNull(category);
        Assert.NotNull(SignatureLibrary.Find(category));
        var context = IncidentContextReader.Read(doc);
        foreach (var lang in new[] { AnalysisLanguage.English, AnalysisLanguage.Chinese })
        {
            var a = new OfflineAnalyzer().Analyze(context, lang);
            Assert.True(category == a.Hypotheses[0].SignatureId,
                $"{name}: expected {category}, got {string.Join(", ", a.Hypotheses.Select(h => $"{h.SignatureId}={h.Score}"))}");
            Assert.All(a.Hypotheses.SelectMany(h => h.Evidence), e => Assert.Contains(e, context.RawContext));
            Assert.NotEmpty(a.Hypotheses[0].Evidence);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Offline_output_is_grounded_in_the_samples_context(string name)
    {
        var context = IncidentContextReader.Read(Load(name));
        foreach (var lang in new[] { AnalysisLanguage.English, AnalysisLanguage.Chinese })
        {
            var body = AnalysisRenderer.RenderBody(new OfflineAnalyzer().Analyze(context, lang), lang);
            var unsupported = GroundingChecker.Check(body, context.RawContext);
            Assert.True(unsupported.Count == 0, $"{name} ({lang}): " + string.Join(" | ", unsupported.Select(u => $"{u.Text} @ …{body.Substring(Math.Max(0, u.Span.Start - 60), Math.Min(90, body.Length - Math.Max(0, u.Span.Start - 60)))}…")));
        }
    }

    [Fact]
    public void There_are_at_least_twelve_samples_two_in_chinese_covering_many_signatures()
    {
        var docs = Directory.GetFiles(RepoPaths.Samples, "*.md").Select(f => IncidentDocument.Parse(File.ReadAllText(f), f)).Where(d => d.FrontMatter["category"] is not null).ToList();
        Assert.True(docs.Count >= 12);
        Assert.True(docs.Count(d => d.Sections.Any(s => s.Heading == "原始事件上下文")) >= 2);
        Assert.True(docs.Select(d => d.FrontMatter["category"]).Distinct().Count() >= 12);
        Assert.Contains(docs, d => d.Path!.EndsWith("2026-06-02-payment-pool.md", StringComparison.Ordinal));
    }
}
