namespace LspTriage.Server.Features;

/// <summary>
/// The product features a server instance runs with (analysis, similar incidents): contributors the generic handlers
/// call, and the commands <c>workspace/executeCommand</c> runs. ARCHITECTURE.md, "How to add a feature".
/// </summary>
internal sealed class FeatureSet
{
    public List<ICodeActionContributor> CodeActions { get; } = [];

    public List<ICodeLensContributor> CodeLenses { get; } = [];

    public List<IHoverContributor> Hovers { get; } = [];

    public List<IServerCommand> Commands { get; } = [];
}
