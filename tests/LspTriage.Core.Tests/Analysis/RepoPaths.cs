namespace LspTriage.Core.Tests.Analysis;

/// <summary>Finds the repository root (the folder with LspTriage.sln) and ../shared next to it.</summary>
internal static class RepoPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>/work/shared on the team machine: the folder next to the repository.</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Samples => Path.Combine(RepoRoot, "samples", "incidents");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LspTriage.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LspTriage.sln not found above " + AppContext.BaseDirectory);
    }
}
