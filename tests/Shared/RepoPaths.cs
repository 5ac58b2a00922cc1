namespace LspTriage.Tests.Shared;

/// <summary>
/// Locates the repository (by its solution file), its fixtures and samples, and the optional public postmortem corpus.
/// Everything the default test run needs is inside the repository; the corpus only adds the optional extra run.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Samples => Path.Combine(Root, "samples", "incidents");

    /// <summary>
    /// The 242 public postmortems (GPL-3, never copied into the repository): <c>LSPTRIAGE_PUBLIC_CORPUS</c>, else
    /// <c>../shared/corpus/public-postmortems</c> beside the repository.
    /// </summary>
    public static string Corpus => Path.GetFullPath(Environment.GetEnvironmentVariable("LSPTRIAGE_PUBLIC_CORPUS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Root, "..", "shared", "corpus", "public-postmortems"));

    public static bool HasPublicCorpus => Directory.Exists(Corpus);

    /// <summary>
    /// Incident files to build similarity test material from: the samples and fixtures (always there), plus the public
    /// corpus when it is present.
    /// </summary>
    public static string[] SimilarityMaterial() =>
        SampleFiles()
            .Concat(Directory.GetFiles(Fixtures, "*.md").Where(f => !f.EndsWith("binary.md", StringComparison.Ordinal)))
            .Concat(HasPublicCorpus ? Directory.GetFiles(Corpus, "*.md") : [])
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name));

    public static string SamplesRoot => Path.Combine(Root, "samples");

    public static string ClusterScript => Path.Combine(Root, "scripts", "postgres-test-cluster.sh");

    /// <summary>A data file copied next to the test assembly (the ported pg_trgm regression cases).</summary>
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Similarity", "Data", name);

    /// <summary>The corpus files, for tests marked <see cref="PublicCorpusFactAttribute"/> (skipped when it is absent).</summary>
    public static string[] CorpusFiles()
    {
        Assert.True(Directory.Exists(Corpus), $"The public postmortem corpus is expected at {Corpus} (../shared/corpus/public-postmortems relative to the repository root).");
        return Directory.GetFiles(Corpus, "*.md").Order(StringComparer.Ordinal).ToArray();
    }

    public static string[] SampleFiles() =>
        Directory.Exists(SamplesRoot)
            ? Directory.GetFiles(SamplesRoot, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
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
        throw new InvalidOperationException("LspTriage.sln not found above " + AppContext.BaseDirectory);
    }
}
