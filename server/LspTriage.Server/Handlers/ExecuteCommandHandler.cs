using LspTriage.Server.Features;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>workspace/executeCommand</c>: runs a feature's command like any other reading request, off the ordered context.</summary>
internal sealed class ExecuteCommandHandler(FeatureSet features) : IRequestHandler<ExecuteCommandParams, object?>
{
    public string Method => "workspace/executeCommand";

    public ServerCapabilities Advertise(ServerCapabilities capabilities) =>
        features.Commands.Count > 0 ? capabilities with { ExecuteCommandProvider = new ExecuteCommandOptions(features.Commands.Select(c => c.Name).ToArray()) } : capabilities;

    public Task<object?> HandleAsync(ExecuteCommandParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var command = features.Commands.FirstOrDefault(c => c.Name == p.Command)
            ?? throw CommandContext.Invalid($"Unknown command '{p.Command}'.");
        return command.ExecuteAsync(new CommandContext(command.Name, p.Arguments ?? [], context), cancellationToken);
    }
}
