using LspTriage.Core.Documents;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;

namespace LspTriage.Core.Similarity;

/// <summary>
/// The one call the editor and the CLI make: "which past incidents look like this one?". Builds the document's key
/// exactly as the stores built theirs (<see cref="IncidentRecordReader"/>) and searches, leaving the document itself out.
/// </summary>
/// <param name="store">Where to search.</param>
/// <param name="ids">The id policy the store's records were made with (<see cref="EmbeddedIncidentStore.Ids"/>), so the
/// document's own record is recognised by id as well as by path.</param>
/// <param name="keyMode">Key choice; see <see cref="IncidentKey"/>.</param>
public sealed class SimilarIncidentFinder(IIncidentStore store, IncidentIdPolicy? ids = null, IncidentKey keyMode = IncidentKeys.Default)
{
    public const int DefaultTop = 5;

    public IIncidentStore Store => store;

    /// <summary>Similar incidents for an open document. <see cref="IncidentDocument.Path"/> should be the file system
    /// path (not a URI) so the document's own record is excluded.</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindAsync(IncidentDocument document, int top = DefaultTop, double threshold = SimilarityQuery.DefaultThreshold, CancellationToken cancellationToken = default) =>
        FindAsync(document.Text, document.Path, top, threshold, cancellationToken);

    /// <summary>Similar incidents for a file's text (<paramref name="path"/> optional).</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindAsync(string text, string? path, int top = DefaultTop, double threshold = SimilarityQuery.DefaultThreshold, CancellationToken cancellationToken = default)
    {
        var record = RecordFor(text, path);
        var fullPath = path is null ? null : Path.GetFullPath(path);
        return store.SearchAsync(new SimilarityQuery(record.Key, top, threshold, ExcludeId: record.Id, ExcludePath: fullPath), cancellationToken);
    }

    /// <summary>Similar incidents for free text (the CLI's <c>--text</c>): the text is the key.</summary>
    public Task<IReadOnlyList<SimilarIncident>> FindByTextAsync(string key, int top = DefaultTop, double threshold = SimilarityQuery.DefaultThreshold, CancellationToken cancellationToken = default) =>
        store.SearchAsync(new SimilarityQuery(key, top, threshold), cancellationToken);

    /// <summary>The record a document would have in a store (its key, id, title...).</summary>
    public IncidentRecord RecordFor(string text, string? path)
    {
        var fullPath = path is null ? null : Path.GetFullPath(path);
        var id = fullPath is null ? null : ids?.IdFor(fullPath) ?? fullPath;
        return IncidentRecordReader.Read(text, fullPath, id, keyMode);
    }
}
