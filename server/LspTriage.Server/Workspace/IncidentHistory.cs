using System.Collections.Concurrent;
using LspTriage.Core.Authoring;
using LspTriage.Core.Documents;

namespace LspTriage.Server.Workspace;

/// <summary>
/// The workspace's past incidents as completion sees them (services, owners, titles). Kept current from the
/// workspace scan and file events; a file is parsed only when a completion first needs the history after it changed.
/// </summary>
internal sealed class IncidentHistory
{
    private readonly ConcurrentDictionary<string, Lazy<IncidentFacts?>> _files = new(StringComparer.Ordinal);
    private readonly Func<DocumentOptions> _options;
    private volatile AuthoringHistory? _merged;

    public IncidentHistory(WorkspaceIncidents incidents, Func<DocumentOptions> options)
    {
        _options = options;
        incidents.FileChanged += OnFileChanged;
    }

    public AuthoringHistory Current => _merged ??= IncidentFacts.Merge(_files.Values.Select(f => f.Value).OfType<IncidentFacts>());

    private void OnFileChanged(string path, string? text)
    {
        if (text is null)
        {
            _files.TryRemove(path, out _);
        }
        else
        {
            _files[path] = new Lazy<IncidentFacts?>(() => Read(path, text));
        }
        _merged = null;
    }

    private IncidentFacts? Read(string path, string text)
    {
        var document = IncidentDocument.Parse(text, path, _options());
        return document.Kind == DocumentKind.NotOurs && !document.FrontMatter.IsPresent ? null : IncidentFacts.Read(path, document);
    }
}
