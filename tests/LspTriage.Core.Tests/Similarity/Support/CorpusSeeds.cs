using LspTriage.Core.Similarity.Records;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity.Support;

internal static class CorpusSeeds
{
    /// <summary>(title, summary) of every incident file in the test material, the raw material for synthetic histories.</summary>
    public static List<(string Title, string Summary)> Load()
    {
        var seeds = new List<(string, string)>();
        foreach (var file in RepoPaths.SimilarityMaterial())
        {
            var full = IncidentRecordReader.Read(File.ReadAllText(file), file, keyMode: IncidentKey.TitleAndSummary);
            var summary = full.Key.Length > full.Title.Length ? full.Key[full.Title.Length..].Trim() : "";
            seeds.Add((full.Title, summary));
        }
        return seeds;
    }
}
