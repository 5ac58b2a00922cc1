namespace LspTriage.Server.Protocol;

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

/// <summary>The diagnostics stay raw: editors send every extension's diagnostics here, in shapes that are not ours.</summary>
public sealed record CodeActionContext(IReadOnlyList<System.Text.Json.JsonElement>? Diagnostics = null, IReadOnlyList<string>? Only = null);

public sealed record CodeAction(string Title, string Kind)
{
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public Command? Command { get; init; }
}

public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string Analyze = "refactor.lspTriage.analyze";
    public const string InsertSimilar = "refactor.lspTriage.insertSimilar";
    public const string TimelineFromPaste = "refactor.rewrite.lspTriage.timeline";
    public const string CopyAsIssue = "refactor.lspTriage.copyAsIssue";
}

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command);

public sealed record ExecuteCommandParams(string Command, IReadOnlyList<System.Text.Json.JsonElement>? Arguments = null);

public sealed record ApplyWorkspaceEditParams(string Label, WorkspaceEdit Edit);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);
