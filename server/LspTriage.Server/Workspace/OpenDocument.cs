using LspTriage.Core.Documents;
using LspTriage.Core.Text;

namespace LspTriage.Server.Workspace;

/// <summary>
/// One version of an open document. Immutable: an edit makes a new instance, so a request that captured a version
/// keeps reading exactly that text. The parse happens at most once per version, on first use.
/// </summary>
internal sealed class OpenDocument
{
    private readonly Lazy<IncidentDocument> _parsed;

    public OpenDocument(string uri, int version, string text, DocumentOptions options)
    {
        Uri = uri;
        Version = version;
        Text = text;
        Options = options;
        var path = DocumentUri.PathForMatching(uri);
        _parsed = new Lazy<IncidentDocument>(() => IncidentDocument.Parse(text, path, options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Uri { get; }

    public int Version { get; }

    public string Text { get; }

    public DocumentOptions Options { get; }

    public IncidentDocument Parsed => _parsed.Value;

    /// <summary>Whether the server speaks about this document at all (parses it on first use).</summary>
    public bool IsOurs => Parsed.Kind != DocumentKind.NotOurs;

    /// <summary>Applies LSP content changes in order: a change with a range replaces it, one without replaces everything.</summary>
    public OpenDocument WithChanges(int version, IEnumerable<(TextRange? Range, string Text)> changes)
    {
        var text = Text;
        foreach (var (range, newText) in changes)
        {
            if (range is not { } r)
            {
                text = newText;
                continue;
            }
            var span = new LineMap(text).SpanOf(r);
            text = string.Concat(text.AsSpan(0, span.Start), newText, text.AsSpan(span.End));
        }
        return new OpenDocument(Uri, version, text, Options);
    }

    public OpenDocument WithOptions(DocumentOptions options) => new(Uri, Version, Text, options);
}
