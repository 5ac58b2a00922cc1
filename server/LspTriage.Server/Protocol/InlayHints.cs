namespace LspTriage.Server.Protocol;

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

/// <summary>LSP 3.17 inlay hint; the label is a plain string and the tooltip markdown.</summary>
public sealed record InlayHint(Position Position, string Label)
{
    public MarkupContent? Tooltip { get; init; }

    public bool? PaddingLeft { get; init; }
}
