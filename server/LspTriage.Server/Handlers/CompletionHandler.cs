using LspTriage.Core.Authoring;
using LspTriage.Server.Conversion;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/completion</c>: front matter, headings, action items, timeline entries and incident links.</summary>
internal sealed class CompletionHandler
{
    /// <summary>Characters that open a place we complete: a heading, a handle, a link, a front matter value, a bullet.</summary>
    public static readonly string[] TriggerCharacters = ["#", "@", "[", ":", "-"];

    private static readonly CompletionList Nothing = new(false, []);

    private readonly ServerContext _context;
    private readonly IncidentHistory _history;

    public CompletionHandler(ServerContext context, IncidentHistory history)
    {
        _context = context;
        _history = history;
    }

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public Task<CompletionList> CompletionAsync(CompletionParams p, CancellationToken cancellationToken) =>
        _context.OnDocumentAsync(p?.TextDocument, Nothing, document =>
        {
            var position = Params.Required(p!.Position, "position").ToCore();
            var parsed = document.Parsed;
            var request = new CompletionRequest(parsed, position, _context.Time.GetUtcNow(), _history.Current, DocumentUri.ToPath(document.Uri));
            var result = CompletionEngine.Complete(request);
            return new CompletionList(result.IsIncomplete, result.Items.Select(s => ToItem(parsed, s)).ToArray());
        }, cancellationToken);

    private static CompletionItem ToItem(Core.Documents.IncidentDocument document, Suggestion s) => new(s.Label, Kind(s.Kind))
    {
        Detail = s.Detail,
        Documentation = s.Documentation is null ? null : MarkupContent.Markdown(s.Documentation),
        SortText = s.SortText,
        FilterText = s.FilterText,
        InsertTextFormat = s.IsSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        TextEdit = new TextEdit(document.ProtocolRange(s.Replace), s.InsertText),
    };

    private static int Kind(SuggestionKind kind) => kind switch
    {
        SuggestionKind.FrontMatterKey => CompletionItemKind.Property,
        SuggestionKind.Value => CompletionItemKind.EnumMember,
        SuggestionKind.Heading => CompletionItemKind.Keyword,
        SuggestionKind.Person => CompletionItemKind.Value,
        SuggestionKind.Snippet => CompletionItemKind.Snippet,
        SuggestionKind.Incident => CompletionItemKind.Reference,
        _ => CompletionItemKind.Text,
    };
}
