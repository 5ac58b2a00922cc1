using LspTriage.Server.Conversion;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using Microsoft.VisualStudio.Threading;
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
    public async Task<Hover?> HoverAsync(HoverParams p, CancellationToken cancellationToken)
    {
        var document = _context.Snapshot(p?.TextDocument);
        if (document is null)
        {
            return null;
        }
        await TaskScheduler.Default;
        if (!document.IsOurs)
        {
            return null;
        }
        foreach (var contributor in _features.Hovers)
        {
            if (await contributor.ProvideAsync(document, Params.Required(p!.Position, "position").ToCore(), cancellationToken).ConfigureAwait(false) is { } hover)
            {
                return hover;
            }
        }
        return null;
    }
}
