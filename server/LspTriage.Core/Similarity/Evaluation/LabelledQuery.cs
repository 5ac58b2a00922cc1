using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Core.Similarity.Evaluation;

/// <summary>
/// One case of a labelled similarity set: an incident file whose front matter says which past incident it repeats
/// (<c>expect_similar: &lt;history file name without .md&gt;</c>, or <c>none</c>) and how it relates to it
/// (<c>pair: translation | paraphrase | same-cause-other-service | decoy | unrelated</c>).
/// </summary>
public sealed record LabelledQuery(string Path, string Text, string Pair, string? Expected)
{
    /// <summary>Every *.md under <paramref name="folder"/> that has a <c>pair</c> label, in file name order. Files
    /// without one are reported in <paramref name="skipped"/>, never guessed.</summary>
    public static IReadOnlyList<LabelledQuery> ReadFolder(string folder, List<string>? skipped = null)
    {
        var result = new List<LabelledQuery>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var fm = FrontMatterReader.Read(text, new LineMap(text));
            if (fm["pair"] is not { } pair)
            {
                skipped?.Add(file);
                continue;
            }
            var expected = fm["expect_similar"] is { } e && !string.Equals(e, "none", StringComparison.OrdinalIgnoreCase) ? e : null;
            result.Add(new LabelledQuery(System.IO.Path.GetFullPath(file), text, pair.Trim().ToLowerInvariant(), expected));
        }
        return result;
    }

    /// <summary>True when <paramref name="path"/> is the expected past incident (by file name without .md).</summary>
    public bool IsExpected(string? path) =>
        Expected is not null && path is not null &&
        string.Equals(System.IO.Path.GetFileNameWithoutExtension(path), Expected, StringComparison.OrdinalIgnoreCase);
}
