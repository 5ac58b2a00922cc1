using LspTriage.Server.Features;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

internal sealed class ExecuteCommandHandler
{
    private readonly ServerContext _context;
    private readonly FeatureSet _features;

    public ExecuteCommandHandler(ServerContext context, FeatureSet features)
    {
        _context = context;
        _features = features;
    }

    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public Task<object?> ExecuteCommandAsync(ExecuteCommandParams p, CancellationToken cancellationToken)
    {
        _context.Lifecycle.EnsureServing();
        var command = _features.Commands.FirstOrDefault(c => c.Name == p.Command)
            ?? throw new LocalRpcException($"Unknown command '{p.Command}'.") { ErrorCode = ErrorCodes.InvalidParams };
        return command.ExecuteAsync(p.Arguments ?? [], cancellationToken);
    }
}
