using System.Text.Json;

namespace LspTriage.Server.Protocol;

public sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record FileEvent(string Uri, int Type);

public static class FileChangeType
{
    public const int Created = 1;
    public const int Changed = 2;
    public const int Deleted = 3;
}

public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

public sealed record WorkspaceFoldersChangeEvent(IReadOnlyList<WorkspaceFolder> Added, IReadOnlyList<WorkspaceFolder> Removed);

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

public sealed record Registration(string Id, string Method, object? RegisterOptions);

public sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcher> Watchers);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record LogMessageParams(int Type, string Message);

public sealed record ShowMessageParams(int Type, string Message);

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
    public const int Debug = 5;
}

public sealed record ShowDocumentParams(string Uri, bool? External, bool? TakeFocus, Range? Selection);

public sealed record ShowDocumentResult(bool Success);
