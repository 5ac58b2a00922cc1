namespace LspTriage.Tests.Shared;

/// <summary>Locates the repository (by its solution file) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Samples => Path.Combine(Root, "samples", "incidents");

    /// <summary>The public postmortems corpus, <c>../shared/corpus/public-postmortems</c> relative to the repository.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "public-postmortems"));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name));

    public static string SamplesRoot => Path.Combine(Root, "samples");

    public static string ClusterScript => Path.Combine(Root, "scripts", "postgres-test-cluster.sh");

    /// <summary>A data file copied next to the test assembly (the ported pg_trgm regression cases).</summary>
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Similarity", "Data", name);

    /// <summary>The corpus files; fails (never skips) when the corpus is missing, with the path it looked at.</summary>
    public static string[] CorpusFiles()
    {
        Assert.True(Directory.Exists(Corpus), $"The public postmortem corpus is expected at {Corpus} (../shared/corpus/public-postmortems relative to the repository root).");
        return Directory.GetFiles(Corpus, "*.md").Order(StringComparer.Ordinal).ToArray();
    }

    public static string[] SampleFiles() =>
        Directory.Exists(SamplesRoot)
            ? Directory.GetFiles(SamplesRoot, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LspTriage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("LspTriage.sln not found above " + AppContext.BaseDirectory);
    }
}
