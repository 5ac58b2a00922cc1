using LspTriage.Core.Files;
namespace LspTriage.Core.Similarity.Records;

/// <summary>
/// How a file without a front matter <c>id</c> is identified: by its path relative to the deepest known root folder
/// (workspace or history folder, or the folder given to <c>lsptriage index</c>), with forward slashes; by its full path
/// when no root contains it. The same file then has the same id in the embedded index, in PostgreSQL when loaded by
/// <c>lsptriage index</c>, and when the server upserts it on save, on any machine with the same layout.
/// </summary>
public sealed class IncidentIdPolicy
{
    private readonly List<string> _roots = [];
    private readonly Lock _lock = new();

    public IncidentIdPolicy(IEnumerable<string>? roots = null)
    {
        foreach (var root in roots ?? [])
        {
            AddRoot(root);
        }
    }

    public IReadOnlyList<string> Roots
    {
        get
        {
            lock (_lock)
            {
                return [.. _roots];
            }
        }
    }

    public void AddRoot(string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        lock (_lock)
        {
            if (!_roots.Contains(full, FilePaths.Comparer))
            {
                _roots.Add(full);
                // Deepest first, so nested roots win.
                _roots.Sort((a, b) => b.Length.CompareTo(a.Length));
            }
        }
    }

    /// <summary>The path-based id of a file (callers prefer a front matter id when there is one).</summary>
    public string IdFor(string path)
    {
        var full = Path.GetFullPath(path);
        lock (_lock)
        {
            foreach (var root in _roots)
            {
                if (FilePaths.RelativeTo(full, root) is { } relative)
                {
                    return relative;
                }
            }
        }
        return full;
    }
}
