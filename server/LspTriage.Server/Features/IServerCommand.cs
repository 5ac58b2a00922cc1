namespace LspTriage.Server.Features;

/// <summary>
/// A <c>workspace/executeCommand</c> command, so any editor can bind it (e.g. <c>lspTriage.analyze</c>). It runs on the
/// thread pool like every reading request; edits go back through the client with <c>workspace/applyEdit</c>.
/// </summary>
internal interface IServerCommand
{
    string Name { get; }

    Task<object?> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
