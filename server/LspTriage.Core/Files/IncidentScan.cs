namespace LspTriage.Core.Files;

/// <summary>
/// The one scan of incident files: under the workspace folders the files <c>isIncidentPath</c> accepts (the incident
/// and postmortem globs), under the history folders every markdown file, each file read once. The server feeds its
/// incident list (workspace symbols, workspace problems, completion history) and the similar-incidents index from one
/// scan; the index reads its folders through it too.
/// </summary>
public sealed class IncidentScan
{
    private IncidentScan(IReadOnlyList<string> roots, IReadOnlyList<ScannedFile> files)
    {
        Roots = roots;
        Files = files;
    }

    /// <summary>The folders scanned that exist, full paths, workspace folders first (relative ids are taken against them).</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The files found, with their text (null when the file could not be read).</summary>
    public IReadOnlyList<ScannedFile> Files { get; }

    /// <summary>The files a scan reads, without reading them.</summary>
    public static (IReadOnlyList<string> Roots, IReadOnlyList<string> Files) Find(
        IEnumerable<string> workspaceFolders, IEnumerable<string> historyFolders, Func<string, bool> isIncidentPath)
    {
        var history = historyFolders.Select(Path.GetFullPath).Distinct(FilePaths.Comparer).ToArray();
        var roots = workspaceFolders.Select(Path.GetFullPath).Concat(history).Where(Directory.Exists).Distinct(FilePaths.Comparer).ToArray();
        var files = roots.SelectMany(MarkdownFiles.Under)
            .Where(file => isIncidentPath(file) || history.Any(h => FilePaths.IsUnder(file, h)))
            .Distinct(FilePaths.Comparer)
            .ToArray();
        return (roots, files);
    }

    /// <summary>
    /// Finds the files and reads them in parallel (synchronous reads on the pool's threads: for thousands of small
    /// files, async file I/O costs more than it saves). A file that cannot be read is kept with a null text.
    /// </summary>
    /// <param name="readText">How a file is read; defaults to <see cref="File.ReadAllText(string)"/> (tests count reads).</param>
    public static IncidentScan Read(
        IEnumerable<string> workspaceFolders,
        IEnumerable<string> historyFolders,
        Func<string, bool> isIncidentPath,
        Func<string, string>? readText = null,
        CancellationToken cancellationToken = default)
    {
        var (roots, files) = Find(workspaceFolders, historyFolders, isIncidentPath);
        readText ??= File.ReadAllText;
        var scanned = new ScannedFile[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            string? text = null;
            try
            {
                text = readText(files[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
            scanned[i] = new ScannedFile(files[i], text);
        });
        return new IncidentScan(roots, scanned);
    }
}

/// <summary>One file of an <see cref="IncidentScan"/>: its full path and its text, null if it could not be read.</summary>
public sealed record ScannedFile(string Path, string? Text);
