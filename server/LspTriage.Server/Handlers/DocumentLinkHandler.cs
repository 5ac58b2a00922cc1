using LspTriage.Core.Similarity;
using LspTriage.Server.Conversion;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/documentLink</c>: each past incident listed in an inserted "Similar past incidents" block opens its file.</summary>
internal sealed class DocumentLinkHandler : IRequestHandler<DocumentLinkParams, IReadOnlyList<DocumentLink>>
{
    public string Method => "textDocument/documentLink";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities with { DocumentLinkProvider = new DocumentLinkOptions() };

    public Task<IReadOnlyList<DocumentLink>> HandleAsync(DocumentLinkParams p, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.OurDocument(p?.TextDocument) is not { } document)
        {
            return Task.FromResult<IReadOnlyList<DocumentLink>>([]);
        }
        var parsed = document.Parsed;
        IReadOnlyList<DocumentLink> links = SimilarBlockLinks.Find(parsed, DocumentUri.ToPath(document.Uri))
            .Select(l => new DocumentLink(parsed.RangeOf(l.Span).ToProtocol(), l.Target.AbsoluteUri) { Tooltip = "Open this past incident" })
            .ToList();
        return Task.FromResult(links);
    }
}
