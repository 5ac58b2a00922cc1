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
