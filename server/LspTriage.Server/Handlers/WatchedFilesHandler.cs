using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary>Keeps the workspace incident list current as files are created, changed, deleted or renamed outside the editor.</summary>
internal sealed class WatchedFilesHandler
{
    private readonly ServerContext _context;
    private readonly WorkspaceIncidents _incidents;
    private readonly SimilarityHost _similarity;

    public WatchedFilesHandler(ServerContext context, WorkspaceIncidents incidents, SimilarityHost similarity)
    {
        _context = context;
        _incidents = incidents;
        _similarity = similarity;
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams p)
    {
        if (!_context.Lifecycle.AcceptsNotifications)
        {
            return;
        }
        foreach (var change in p.Changes)
        {
            if (change?.Uri is null)
            {
                _context.Log.Warning("didChangeWatchedFiles: a change without a uri, ignored.");
                continue;
            }
            if (DocumentUri.ToPath(change.Uri) is not { } path || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var ours = _context.Settings.Documents.IsIncidentPath(path) || IsUnderHistory(path);
            // The similarity index applies its own filter (workspace globs, history folders) and is updated in order.
            _similarity.OnFileEvent(path, change.Type);
            if (change.Type == FileChangeType.Deleted)
            {
                _incidents.Remove(path);
            }
            else if (ours)
            {
                _incidents.Update(path);
            }
        }
    }

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams p)
    {
        if (!_context.Lifecycle.AcceptsNotifications)
        {
            return;
        }
        // Null entries are the client's error; the folders that can be read still count.
        var removed = p.Event.Removed.Where(f => f?.Uri is not null).Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>().ToHashSet();
        var added = p.Event.Added.Where(f => f?.Uri is not null).Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>();
        _context.WorkspaceFolders = _context.WorkspaceFolders.Where(f => !removed.Contains(f)).Concat(added).Distinct().ToArray();
        _ = Task.Run(() => _incidents.Scan(_context.WorkspaceFolders, _context.Settings.HistoryFolders, _context.Settings.Documents, CancellationToken.None));
    }

    private bool IsUnderHistory(string path) =>
        _context.Settings.HistoryFolders.Any(h => path.StartsWith(Path.GetFullPath(h), StringComparison.Ordinal));
}
