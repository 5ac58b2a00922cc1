using System.Text.Json;

namespace LspTriage.Server.Protocol;

// Base structures of LSP 3.17, named as the specification names them. Only what this server uses.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version = null);

public sealed record TextEdit(Range Range, string NewText);

public sealed record TextDocumentEdit(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits);

public sealed record WorkspaceEdit(IReadOnlyList<TextDocumentEdit> DocumentChanges);

/// <summary>"command" is the wire name; <c>CommandName</c> avoids a member named like its type.</summary>
public sealed record Command(
    string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("command")] string CommandName,
    IReadOnlyList<object?>? Arguments = null);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>Params of any request or notification we only need part of, kept raw.</summary>
public sealed record RawParams(JsonElement Value);

/// <summary>The params of a request that takes none but is sent with an empty object (<c>workspace/codeLens/refresh</c>).</summary>
public sealed record EmptyParams
{
    public static readonly EmptyParams Value = new();
}
