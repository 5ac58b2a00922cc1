using System.Text.Json;

namespace LspTriage.Server.Protocol;

public sealed record Diagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }

    public IReadOnlyList<int>? Tags { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    /// <summary>Round-trips to code actions, so a fix can find its finding even after the client re-sends it.</summary>
    public JsonElement? Data { get; init; }
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier = null, string? PreviousResultId = null);

public sealed record FullDocumentDiagnosticReport(string ResultId, IReadOnlyList<Diagnostic> Items)
{
    public string Kind => "full";
}

public sealed record UnchangedDocumentDiagnosticReport(string ResultId)
{
    public string Kind => "unchanged";
}

public sealed record WorkspaceDiagnosticParams(string? Identifier = null, IReadOnlyList<PreviousResultId>? PreviousResultIds = null);

public sealed record PreviousResultId(string Uri, string Value);

/// <summary>
/// Items are <see cref="WorkspaceFullDocumentDiagnosticReport"/>s, <see cref="WorkspaceUnchangedDocumentDiagnosticReport"/>s,
/// and unchanged reports already encoded (<see cref="RawJson"/>, once per file and result id: a re-pull of thousands of
/// unchanged files copies bytes).
/// </summary>
public sealed record WorkspaceDiagnosticReport(IReadOnlyList<object> Items);

public sealed record WorkspaceFullDocumentDiagnosticReport(string Uri, int? Version, string ResultId, IReadOnlyList<Diagnostic> Items)
{
    public string Kind => "full";
}

public sealed record WorkspaceUnchangedDocumentDiagnosticReport(string Uri, int? Version, string ResultId)
{
    public string Kind => "unchanged";
}
