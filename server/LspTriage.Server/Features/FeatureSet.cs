namespace LspTriage.Server.Features;

/// <summary>The pluggable features a server instance runs with. Each capability issue adds its parts here.</summary>
internal sealed class FeatureSet
{
    public List<ICodeActionContributor> CodeActions { get; } = [];

    public List<ICodeLensContributor> CodeLenses { get; } = [];

    public List<IHoverContributor> Hovers { get; } = [];

    public List<IServerCommand> Commands { get; } = [];
}
