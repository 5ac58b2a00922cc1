namespace LspTriage.Core.Files;

/// <summary>
/// The one way LspTriage walks folders for markdown files (the server's workspace scan, the similar-incidents index,
/// <c>lsptriage check</c> and <c>lsptriage index</c>): recursive, hidden and system entries skipped, and never into
/// the folders of tools, which hold copies, build output or dependencies rather than incidents.
/// </summary>
public static class MarkdownFiles
{
    /// <summary>Folder names never descended into.</summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        "node_modules", ".git", "bin", "obj", ".vscode-test", ".tools",
    };

    /// <summary>Every <c>*.md</c> file under <paramref name="folder"/>, in no particular order; unreadable folders are skipped.</summary>
    public static IEnumerable<string> Under(string folder)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var pending = new Stack<string>();
        if (Directory.Exists(folder))
        {
            pending.Push(folder);
        }
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir, "*.md", options);
                dirs = Directory.GetDirectories(dir, "*", options);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var file in files)
            {
                yield return file;
            }
            foreach (var sub in dirs)
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    /// <summary>Whether a path is a markdown file outside the skipped folders (for files named by events, not found by a walk).</summary>
    public static bool IsCandidate(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) &&
        !path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(SkippedFolders.Contains);
}
