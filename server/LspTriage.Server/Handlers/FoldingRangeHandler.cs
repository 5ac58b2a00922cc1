using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Symbols;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/foldingRange</c>: sections, front matter and generated blocks fold.</summary>
internal sealed class FoldingRangeHandler : IRequestHandler<FoldingRangeParams, IReadOnlyList<FoldingRange>>
{
    public string Method => "textDocument/foldingRange";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) => capabilities with { FoldingRangeProvider = true };

    public Task<IReadOnlyList<FoldingRange>> HandleAsync(FoldingRangeParams p, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.OurDocument(p?.TextDocument) is { } document ? FoldingBuilder.Build(document.Parsed) : []);
}
