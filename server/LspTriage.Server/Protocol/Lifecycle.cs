using System.Text.Json;

namespace LspTriage.Server.Protocol;

public sealed record InitializeParams(
    int? ProcessId = null,
    ClientInfo? ClientInfo = null,
    string? RootUri = null,
    JsonElement? InitializationOptions = null,
    ClientCapabilities? Capabilities = null,
    string? Trace = null,
    IReadOnlyList<WorkspaceFolder>? WorkspaceFolders = null);

public sealed record ClientInfo(string Name, string? Version = null);

public sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>The client capabilities we branch on; the rest of the object is ignored.</summary>
public sealed record ClientCapabilities(WorkspaceClientCapabilities? Workspace = null, TextDocumentClientCapabilities? TextDocument = null, WindowClientCapabilities? Window = null, GeneralClientCapabilities? General = null);

public sealed record WorkspaceClientCapabilities(bool? Configuration = null, bool? ApplyEdit = null, DynamicRegistrationCapability? DidChangeWatchedFiles = null, bool? WorkspaceFolders = null, DiagnosticWorkspaceClientCapabilities? Diagnostics = null, CodeLensWorkspaceClientCapabilities? CodeLens = null);

public sealed record DiagnosticWorkspaceClientCapabilities(bool? RefreshSupport = null);

public sealed record CodeLensWorkspaceClientCapabilities(bool? RefreshSupport = null);

public sealed record TextDocumentClientCapabilities(DynamicRegistrationCapability? Diagnostic = null, DocumentSymbolClientCapabilities? DocumentSymbol = null, PublishDiagnosticsClientCapabilities? PublishDiagnostics = null);

public sealed record DocumentSymbolClientCapabilities(bool? HierarchicalDocumentSymbolSupport = null);

public sealed record PublishDiagnosticsClientCapabilities(bool? VersionSupport = null);

public sealed record WindowClientCapabilities(bool? WorkDoneProgress = null, ShowDocumentClientCapabilities? ShowDocument = null);

public sealed record ShowDocumentClientCapabilities(bool Support);

public sealed record GeneralClientCapabilities(IReadOnlyList<string>? PositionEncodings = null);

public sealed record DynamicRegistrationCapability(bool? DynamicRegistration = null);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

public sealed record ServerCapabilities
{
    public string PositionEncoding { get; init; } = "utf-16";

    public TextDocumentSyncOptions? TextDocumentSync { get; init; }

    public DiagnosticOptions? DiagnosticProvider { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public bool DocumentSymbolProvider { get; init; }

    public bool FoldingRangeProvider { get; init; }

    public bool WorkspaceSymbolProvider { get; init; }

    public bool HoverProvider { get; init; }

    public CompletionOptions? CompletionProvider { get; init; }

    public bool InlayHintProvider { get; init; }

    public DocumentLinkOptions? DocumentLinkProvider { get; init; }

    public CodeLensOptions? CodeLensProvider { get; init; }

    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }

    public ServerWorkspaceCapabilities? Workspace { get; init; }
}

public sealed record ServerWorkspaceCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record TextDocumentSyncOptions(bool OpenClose = false, int Change = TextDocumentSyncKind.None, SaveOptions? Save = null);

public sealed record SaveOptions(bool IncludeText);

public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds, bool ResolveProvider);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

public sealed record SetTraceParams(string Value);

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public static class ErrorCodes
{
    public const int InvalidRequest = -32600;
    public const int ServerNotInitialized = -32002;
    public const int InvalidParams = -32602;
    public const int RequestFailed = -32803;
    public const int ContentModified = -32801;
}
