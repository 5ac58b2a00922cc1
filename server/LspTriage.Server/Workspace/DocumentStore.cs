using System.Collections.Immutable;

namespace LspTriage.Server.Workspace;

/// <summary>
/// The open documents. Written only by the ordered notification handlers (didOpen/didChange/didClose, settings);
/// read by requests through the immutable <see cref="Snapshot"/> the queue takes when each request arrives.
/// </summary>
internal sealed class DocumentStore
{
    private ImmutableDictionary<string, OpenDocument> _documents = ImmutableDictionary.Create<string, OpenDocument>(StringComparer.Ordinal);

    /// <summary>Raised when the client saved a document: stores that index saved files (similar incidents) listen.</summary>
    public event Action<OpenDocument>? Saved;

    /// <summary>Every open document at this moment; later edits do not change it.</summary>
    public ImmutableDictionary<string, OpenDocument> Snapshot => Volatile.Read(ref _documents);

    /// <summary>The newest version of a document (edits that must apply to the current text use this, not a snapshot).</summary>
    public OpenDocument? Get(string uri) => Snapshot.GetValueOrDefault(uri);

    public IEnumerable<OpenDocument> All => Snapshot.Values;

    public void Set(OpenDocument document) => ImmutableInterlocked.Update(ref _documents, (all, d) => all.SetItem(d.Uri, d), document);

    public void NotifySaved(OpenDocument document) => Saved?.Invoke(document);

    public void Remove(string uri) => ImmutableInterlocked.Update(ref _documents, (all, u) => all.Remove(u), uri);
}
