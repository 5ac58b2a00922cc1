using LspTriage.Core.Files;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary><c>workspace/didChangeWorkspaceFolders</c>: updates the folders and rescans them for incidents.</summary>
internal sealed class DidChangeWorkspaceFoldersHandler(ServerContext context, WorkspaceIncidents incidents) : INotificationHandler<DidChangeWorkspaceFoldersParams>
{
    public string Method => "workspace/didChangeWorkspaceFolders";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { Workspace = new ServerWorkspaceCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)) };

    public void Apply(DidChangeWorkspaceFoldersParams p)
    {
        var removed = p.Event.Removed.Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>().ToHashSet(FilePaths.Comparer);
        var added = p.Event.Added.Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>();
        context.WorkspaceFolders = context.WorkspaceFolders.Where(f => !removed.Contains(f)).Concat(added).Distinct(FilePaths.Comparer).ToArray();
        var settings = context.Settings;
        var folders = context.WorkspaceFolders;
        _ = Task.Run(() => incidents.Scan(folders, settings.HistoryFolders, settings.Documents, CancellationToken.None));
    }
}
