using System.Collections.Concurrent;

namespace LspTriage.Server.Workspace;

/// <summary>
/// The open documents. Written only by the ordered notification handlers (didOpen/didChange/didClose, settings),
/// read by concurrent requests, which take one <see cref="OpenDocument"/> snapshot and use it throughout.
/// </summary>
internal sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);

    public event Action<OpenDocument>? Changed;

    public event Action<string>? Closed;

    /// <summary>Raised when the client saved a document: stores that index saved files (similar incidents) listen.</summary>
    public event Action<OpenDocument>? Saved;

    public OpenDocument? Get(string uri) => _documents.TryGetValue(uri, out var d) ? d : null;

    public IReadOnlyCollection<OpenDocument> All => _documents.Values.ToArray();

    public void Set(OpenDocument document)
    {
        _documents[document.Uri] = document;
        Changed?.Invoke(document);
    }

    public void NotifySaved(OpenDocument document) => Saved?.Invoke(document);

    public void Remove(string uri)
    {
        if (_documents.TryRemove(uri, out _))
        {
            Closed?.Invoke(uri);
        }
    }
}
