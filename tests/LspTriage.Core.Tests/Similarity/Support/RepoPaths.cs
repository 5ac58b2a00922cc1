namespace LspTriage.Core.Tests.Similarity.Support;

/// <summary>Locations the similarity tests read: the repository root (found by walking up to LspTriage.sln), the
/// shared public corpus beside it, the samples and this folder's data files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CorpusDirectory => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "public-postmortems"));

    public static string SamplesDirectory => Path.Combine(Root, "samples");

    public static string ClusterScript => Path.Combine(Root, "scripts", "postgres-test-cluster.sh");

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Similarity", "Data", name);

    /// <summary>The corpus files; fails (never skips) when the corpus is missing, with the path it looked at.</summary>
    public static string[] CorpusFiles()
    {
        var dir = CorpusDirectory;
        Assert.True(Directory.Exists(dir), $"The public postmortem corpus is expected at {dir} (../shared/corpus/public-postmortems relative to the repository root).");
        var files = Directory.GetFiles(dir, "*.md");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public static string[] SampleFiles() =>
        Directory.Exists(SamplesDirectory)
            ? Directory.GetFiles(SamplesDirectory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LspTriage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"LspTriage.sln not found above {AppContext.BaseDirectory}");
    }
}
