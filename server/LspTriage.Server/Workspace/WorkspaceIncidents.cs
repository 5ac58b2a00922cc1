using System.Collections.Concurrent;
using LspTriage.Core.Documents;
using LspTriage.Core.Files;

namespace LspTriage.Server.Workspace;

/// <summary>
/// The incident and postmortem files under the workspace folders and the history folders: loaded from the server's
/// one workspace scan (<see cref="Hosting.ServerStartup"/>), kept current from watched-file events. Serves workspace/symbol; workspace problems and the incident history subscribe to
/// <see cref="FileChanged"/>.
/// </summary>
internal sealed class WorkspaceIncidents
{
    private readonly ConcurrentDictionary<string, IncidentTitle> _titles = new(FilePaths.Comparer);

    /// <summary>Raised with a path and its new text, or null text when the file is gone.</summary>
    public event Action<string, string?>? FileChanged;

    public IReadOnlyCollection<IncidentTitle> Titles => _titles.Values.ToArray();

    private readonly Func<string, string> _readFile;

    public WorkspaceIncidents(Func<string, string>? readFile = null) => _readFile = readFile ?? File.ReadAllText;

    /// <summary>
    /// Takes the incident files of a workspace scan (<see cref="IncidentScan"/>, read once by the server for this list
    /// and the similarity index): titles for workspace symbols, and <see cref="FileChanged"/> for every file, with null
    /// for the files the previous scan had and this one has not.
    /// </summary>
    public int Load(IncidentScan scan, CancellationToken cancellationToken)
    {
        var gone = new HashSet<string>(_titles.Keys, FilePaths.Comparer);
        foreach (var file in scan.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            gone.Remove(file.Path);
            Apply(file.Path, file.Text);
        }
        foreach (var path in gone)
        {
            Remove(path);
        }
        return _titles.Count;
    }

    /// <summary>A watched file was created or changed: read it again.</summary>
    public void Update(string path)
    {
        string? text = null;
        try
        {
            text = File.Exists(path) ? _readFile(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        Apply(path, text);
    }

    private void Apply(string path, string? text)
    {
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
