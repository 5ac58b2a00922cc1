using System.Text.Json;

namespace LspTriage.Server.Features;

/// <summary>A <c>workspace/executeCommand</c> command, so any editor can bind it (e.g. <c>lspTriage.analyze</c>).</summary>
internal interface IServerCommand
{
    string Name { get; }

    Task<object?> ExecuteAsync(IReadOnlyList<JsonElement> arguments, CancellationToken cancellationToken);
}
