using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Corpus;

/// <summary>
/// The optional extra run on 242 real public postmortems (see <see cref="RepoPaths.Corpus"/>): every one parses and
/// checks without an exception.
/// </summary>
[Trait("Category", "PublicCorpus")]
public sealed class PublicCorpusTests
{
    public static IEnumerable<object[]> Files()
    {
        if (!RepoPaths.HasPublicCorpus)
        {
            yield break;
        }
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus, "*.md").Order(StringComparer.Ordinal))
        {
            yield return [Path.GetFileName(file)];
        }
    }

    [PublicCorpusFact]
    public void The_corpus_is_present_with_all_its_files()
    {
        Assert.True(Directory.Exists(RepoPaths.Corpus), $"The public corpus is missing at {RepoPaths.Corpus}.");
        Assert.Equal(242, Directory.GetFiles(RepoPaths.Corpus, "*.md").Length);
    }

    [PublicCorpusTheory]
    [MemberData(nameof(Files))]
    public void Parses_and_checks(string name)
    {
        var path = Path.Combine(RepoPaths.Corpus, name);
        Assert.True(File.Exists(path), $"{path} does not exist.");
        var text = File.ReadAllText(path);

        var postmortem = IncidentDocument.Parse(text, "/history/postmortems/" + name);
        var findings = DocumentChecker.Default.Check(postmortem);

        Assert.Equal(DocumentKind.Postmortem, postmortem.Kind);
        Assert.True(postmortem.FrontMatter.IsPresent);
        Assert.NotNull(postmortem.FrontMatter.Find("categories"));
        // Not every file has a title; those that do must be read exactly.
        Assert.Equal(postmortem.FrontMatter["title"], postmortem.Title);
        Assert.All(findings, f => Assert.InRange(f.Span.End, 0, text.Length));
        Assert.Empty(postmortem.Problems);
    }
}
