using LspTriage.Server.Conversion;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class HoverHandler
{
    private readonly ServerContext _context;
    private readonly FeatureSet _features;

    public HoverHandler(ServerContext context, FeatureSet features)
    {
        _context = context;
        _features = features;
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> HoverAsync(HoverParams p, CancellationToken cancellationToken) =>
        _context.OnDocumentAsync<Hover?>(p?.TextDocument, null, async document =>
        {
            var position = Params.Required(p!.Position, "position").ToCore();
            foreach (var contributor in _features.Hovers)
            {
                if (await contributor.ProvideAsync(document, position, cancellationToken).ConfigureAwait(false) is { } hover)
                {
                    return hover;
                }
            }
            return null;
        }, cancellationToken);
}
