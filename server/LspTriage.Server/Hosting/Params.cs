using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>Required members of request params: a missing one is the client's error (-32602), not ours.</summary>
internal static class Params
{
    public static T Required<T>(T? value, string name)
        where T : class =>
        value ?? throw new LocalRpcException($"Invalid params: {name} is required.") { ErrorCode = ErrorCodes.InvalidParams };
}
