namespace LspTriage.Core.Files;

/// <summary>
/// How paths compare on this machine: case-insensitively where the usual file systems are (Windows, macOS), exactly
/// elsewhere. Every path equality and "is this file under that folder" test goes through here.
/// </summary>
public static class FilePaths
{
    public static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static readonly StringComparer Comparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Whether <paramref name="path"/> is inside <paramref name="folder"/> (at any depth). Compares whole path segments:
    /// <c>/x/history2/a.md</c> is not under <c>/x/history</c>.
    /// </summary>
    public static bool IsUnder(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return full.Length > root.Length + 1
            && full.StartsWith(root, Comparison)
            && (full[root.Length] == Path.DirectorySeparatorChar || full[root.Length] == Path.AltDirectorySeparatorChar);
    }

    /// <summary>The path below <paramref name="folder"/> with '/' separators, or null when it is not under it.</summary>
    public static string? RelativeTo(string path, string folder)
    {
        if (!IsUnder(path, folder))
        {
            return null;
        }
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return Path.GetFullPath(path)[(root.Length + 1)..].Replace('\\', '/');
    }
}
