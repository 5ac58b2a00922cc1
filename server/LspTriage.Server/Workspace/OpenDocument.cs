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

    // The newest parsed ancestor and the one line edited since it (-1: more than one line, or lines added or
    // removed). Only the parse is kept, never the ancestor itself, so versions do not chain in memory.
    private IncidentDocument? _baseParsed;
    private int _baseLine = -1;

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

    /// <summary>
    /// The parse completion reads at <paramref name="line"/>: this version's when it is parsed (or when it is not a
    /// keystroke away from a parsed one), else the last parse carried over this text when only this line changed
    /// since, outside the front matter. Completion then answers without waiting for a full parse.
    /// </summary>
    public IncidentDocument ForCompletion(int line)
    {
        if (!_parsed.IsValueCreated && _baseParsed is { } parsed && _baseLine == line && line >= 0
            && (!parsed.FrontMatter.IsPresent || line > parsed.Lines.PositionAt(parsed.FrontMatter.Span.End).Line))
        {
            return parsed.WithEditedLine(Text);
        }
        return Parsed;
    }

    /// <summary>Applies LSP content changes in order: a change with a range replaces it, one without replaces everything.</summary>
    public OpenDocument WithChanges(int version, IEnumerable<(TextRange? Range, string Text)> changes)
    {
        var text = Text;
        var editedLine = _parsed.IsValueCreated ? -2 : _baseLine; // -2: nothing edited yet since the parse
        foreach (var (range, newText) in changes)
        {
            if (range is not { } r)
            {
                text = newText;
                editedLine = -1;
                continue;
            }
            var inLine = r.Start.Line == r.End.Line && newText.AsSpan().IndexOfAny('\r', '\n') < 0;
            editedLine = inLine && (editedLine == -2 || editedLine == r.Start.Line) ? r.Start.Line : -1;
            var span = new LineMap(text).SpanOf(r);
            text = string.Concat(text.AsSpan(0, span.Start), newText, text.AsSpan(span.End));
        }
        var next = new OpenDocument(Uri, version, text, Options);
        var baseParsed = _parsed.IsValueCreated ? _parsed.Value : _baseParsed;
        if (baseParsed is not null && editedLine >= 0)
        {
            next._baseParsed = baseParsed;
            next._baseLine = editedLine;
        }
        return next;
    }

    public OpenDocument WithOptions(DocumentOptions options) => new(Uri, Version, Text, options);
}
