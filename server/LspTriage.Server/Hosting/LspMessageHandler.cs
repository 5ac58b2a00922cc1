using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspTriage.Server.Hosting;

/// <summary>
/// LSP's Content-Length framing, tolerant of bad content: a frame whose body is not a JSON-RPC message gets a
/// -32700 parse error (id null, as JSON-RPC 2.0 prescribes) and the connection carries on with the next frame.
/// Stock StreamJsonRpc drops the connection instead, which would take the editor's language features down with it.
/// </summary>
internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter)
        : base(output, input, formatter)
    {
    }

    /// <summary>Raised with a description of each frame that could not be read.</summary>
    public event Action<string>? MalformedMessage;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsContentError(ex))
            {
                MalformedMessage?.Invoke(Describe(ex));
                await WriteAsync(new JsonRpcError
                {
                    RequestId = RequestId.Null,
                    Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.ParseError, Message = $"Parse error: {Describe(ex)}" },
                }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsContentError(Exception ex) =>
        ex is JsonException or FormatException or InvalidOperationException { InnerException: JsonException }
        || ex.InnerException is JsonException;

    private static string Describe(Exception ex)
    {
        var inner = ex.InnerException is JsonException json ? json : ex;
        var message = inner.Message;
        return message.Length <= 200 ? message : message[..200] + "…";
    }
}
