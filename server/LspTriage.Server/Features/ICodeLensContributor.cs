using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Features;

internal interface ICodeLensContributor
{
    Task<IReadOnlyList<CodeLens>> ProvideAsync(OpenDocument document, CancellationToken cancellationToken);
}
