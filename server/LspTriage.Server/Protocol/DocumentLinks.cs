namespace LspTriage.Server.Protocol;

public sealed record DocumentLinkParams(TextDocumentIdentifier TextDocument);

/// <summary>LSP 3.17 document link: a range and the URI it opens; the tooltip says what is behind it.</summary>
public sealed record DocumentLink(Range Range, string Target)
{
    public string? Tooltip { get; init; }
}

public sealed record DocumentLinkOptions(bool ResolveProvider = false);
