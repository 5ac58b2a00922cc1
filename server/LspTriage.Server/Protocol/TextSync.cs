namespace LspTriage.Server.Protocol;

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>A full-text change has no <see cref="Range"/>; an incremental one replaces the range.</summary>
public sealed record TextDocumentContentChangeEvent(string Text)
{
    public Range? Range { get; init; }
}

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);
