using LspTriage.Core.Files;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary><c>workspace/didChangeWorkspaceFolders</c>: updates the folders and rescans them (the incident list and the
/// similarity index, from one scan).</summary>
internal sealed class DidChangeWorkspaceFoldersHandler(ServerContext context, ServerStartup startup) : INotificationHandler<DidChangeWorkspaceFoldersParams>
{
    public string Method => "workspace/didChangeWorkspaceFolders";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { Workspace = new ServerWorkspaceCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)) };

    public void Apply(DidChangeWorkspaceFoldersParams p)
    {
        // Null entries are the client's error; the folders that can be read still count.
        var removed = p.Event.Removed.Where(f => f?.Uri is not null).Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>().ToHashSet(FilePaths.Comparer);
        var added = p.Event.Added.Where(f => f?.Uri is not null).Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>();
        context.WorkspaceFolders = context.WorkspaceFolders.Where(f => !removed.Contains(f)).Concat(added).Distinct(FilePaths.Comparer).ToArray();
        _ = startup.RescanWorkspaceAsync(foldersChanged: true);
    }
}
