using LspTriage.Core.Files;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: keeps the workspace incident list and the similar-incidents index current as
/// files are created, changed, deleted or renamed outside the editor.
/// </summary>
internal sealed class DidChangeWatchedFilesHandler(ServerContext context, WorkspaceIncidents incidents, SimilarityHost similarity)
    : INotificationHandler<DidChangeWatchedFilesParams>
{
    public string Method => "workspace/didChangeWatchedFiles";

    public void Apply(DidChangeWatchedFilesParams p)
    {
        foreach (var change in p.Changes)
        {
            if (DocumentUri.ToPath(change.Uri) is not { } path || !MarkdownFiles.IsCandidate(path))
            {
                continue;
            }
            // The similarity index applies its own filter (workspace globs, history folders) and is updated in order.
            similarity.OnFileEvent(path, change.Type);
            if (change.Type == FileChangeType.Deleted)
            {
                incidents.Remove(path);
            }
            else if (IsOurs(context.Settings, path))
            {
                incidents.Update(path);
            }
        }
    }

    /// <summary>An incident by its path, or any markdown file in a history folder.</summary>
    internal static bool IsOurs(ServerSettings settings, string path) =>
        settings.Documents.IsIncidentPath(path) || settings.HistoryFolders.Any(folder => FilePaths.IsUnder(path, folder));
}
