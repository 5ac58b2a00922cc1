using LspTriage.Core.Authoring;
using LspTriage.Core.Documents;
using LspTriage.Server.Conversion;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/completion</c>: front matter, headings, action items, timeline entries and incident links.</summary>
internal sealed class CompletionHandler(ServerContext server, IncidentHistory history) : IRequestHandler<CompletionParams, CompletionList>
{
    /// <summary>Characters that open a place we complete: a heading, a handle, a link, a front matter value, a bullet.</summary>
    public static readonly string[] TriggerCharacters = ["#", "@", "[", ":", "-"];

    private static readonly CompletionList Nothing = new(false, []);

    public string Method => "textDocument/completion";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        capabilities with { CompletionProvider = new CompletionOptions(TriggerCharacters, ResolveProvider: false) };

    public Task<CompletionList> HandleAsync(CompletionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.Document(p?.TextDocument) is not { } document)
        {
            return Task.FromResult(Nothing);
        }
        var position = Params.Required(p!.Position, "position").ToCore();
        // Right after a keystroke the new version is usually not parsed yet: reuse the last parse (see ForCompletion).
        var parsed = document.ForCompletion(position.Line);
        if (parsed.Kind == DocumentKind.NotOurs)
        {
            return Task.FromResult(Nothing);
        }
        var request = new CompletionRequest(parsed, position, server.Time.GetUtcNow(), history.Current, DocumentUri.ToPath(document.Uri));
        var result = CompletionEngine.Complete(request);
        return Task.FromResult(new CompletionList(result.IsIncomplete, result.Items.Select(s => ToItem(parsed, s)).ToArray()));
    }

    private static CompletionItem ToItem(IncidentDocument document, Suggestion s) => new(s.Label, Kind(s.Kind))
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
