using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features;

internal interface IHoverContributor
{
    Task<Hover?> ProvideAsync(OpenDocument document, Core.Text.Position position, CancellationToken cancellationToken);
}
