using System.Collections.Concurrent;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;

namespace LspTriage.Server.Workspace;

/// <summary>
/// The incident and postmortem files under the workspace folders and the history folders: scanned at start, kept
/// current from watched-file events. Serves workspace/symbol; workspace problems and the incident history subscribe to
/// <see cref="FileChanged"/>.
/// </summary>
internal sealed class WorkspaceIncidents
{
    private readonly ConcurrentDictionary<string, IncidentTitle> _titles = new(FilePaths.Comparer);

    /// <summary>Raised with a path and its new text, or null text when the file is gone.</summary>
    public event Action<string, string?>? FileChanged;

    public IReadOnlyCollection<IncidentTitle> Titles => _titles.Values.ToArray();

    public static IEnumerable<string> EnumerateFiles(IEnumerable<string> folders, DocumentOptions options, bool allMarkdown = false) =>
        folders.SelectMany(MarkdownFiles.Under).Where(file => allMarkdown || options.IsIncidentPath(file));

    /// <summary>Scans workspace folders (incident globs only) and history folders (every markdown file).</summary>
    public int Scan(IReadOnlyList<string> workspaceFolders, IReadOnlyList<string> historyFolders, DocumentOptions options, CancellationToken cancellationToken)
    {
        _titles.Clear();
        var files = EnumerateFiles(workspaceFolders, options).Concat(EnumerateFiles(historyFolders, options, allMarkdown: true)).Distinct();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Update(file);
        }
        return _titles.Count;
    }

    public void Update(string path)
    {
        string? text = null;
        try
        {
            text = File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        if (text is null)
        {
            _titles.TryRemove(path, out _);
        }
        else if (TitleReader.Read(path, text) is { } title)
        {
            _titles[path] = title;
        }
        FileChanged?.Invoke(path, text);
    }

    public void Remove(string path)
    {
        _titles.TryRemove(path, out _);
        FileChanged?.Invoke(path, null);
    }
}
