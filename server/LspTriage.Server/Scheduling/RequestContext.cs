using System.Collections.Immutable;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Scheduling;

/// <summary>
/// The server state a request sees: the open documents and the settings as they were when the request arrived,
/// captured in message order. Later edits make new <see cref="OpenDocument"/> versions and never change this view.
/// </summary>
internal sealed class RequestContext
{
    private readonly ImmutableDictionary<string, OpenDocument> _documents;

    public RequestContext(ImmutableDictionary<string, OpenDocument> documents, ServerSettings settings, int settingsGeneration)
    {
        _documents = documents;
        Settings = settings;
        SettingsGeneration = settingsGeneration;
    }

    public ServerSettings Settings { get; }

    /// <summary>Changes whenever settings do: part of pull-diagnostic result ids, since settings change findings.</summary>
    public int SettingsGeneration { get; }

    /// <summary>The open document at this request's version, or null when it is not open.</summary>
    public OpenDocument? Document(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>The document a request names; a missing <c>textDocument.uri</c> is the client's error (-32602).</summary>
    public OpenDocument? Document(TextDocumentIdentifier? textDocument) =>
        Document(textDocument?.Uri ?? throw new LocalRpcException("Invalid params: textDocument.uri is required.") { ErrorCode = ErrorCodes.InvalidParams });

    /// <summary>
    /// The named document if it is open and an incident or postmortem (this parses it, so call it on the thread pool,
    /// where handlers run); null tells the handler to answer with nothing.
    /// </summary>
    public OpenDocument? OurDocument(TextDocumentIdentifier? textDocument) => Document(textDocument) is { IsOurs: true } document ? document : null;
}
