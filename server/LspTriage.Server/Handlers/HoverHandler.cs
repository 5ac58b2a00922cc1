using LspTriage.Server.Conversion;
using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>textDocument/hover</c>: the first feature with something to show at the position wins.</summary>
internal sealed class HoverHandler(FeatureSet features) : IRequestHandler<HoverParams, Hover?>
{
    public string Method => "textDocument/hover";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        features.Hovers.Count > 0 ? capabilities with { HoverProvider = true } : capabilities;

    public async Task<Hover?> HandleAsync(HoverParams p, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.OurDocument(p?.TextDocument) is not { } document)
        {
            return null;
        }
        var position = Params.Required(p!.Position, "position").ToCore();
        foreach (var contributor in features.Hovers)
        {
            if (await contributor.ProvideAsync(document, position, cancellationToken).ConfigureAwait(false) is { } hover)
            {
                return hover;
            }
        }
        return null;
    }
}
