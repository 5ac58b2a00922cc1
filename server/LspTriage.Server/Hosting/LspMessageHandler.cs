using System.Collections.Concurrent;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspTriage.Server.Hosting;

/// <summary>
/// LSP's Content-Length framing, tolerant of bad content. A frame that is read whole but is not a message we can use
/// gets a -32700 parse error (id null, as JSON-RPC 2.0 prescribes) and the connection carries on with the next frame;
/// a response to no request of ours (or with id null, which a client sends when it could not parse one of our
/// messages) is logged and dropped. Stock StreamJsonRpc drops the whole connection in both cases, which would take
/// the editor's language features down with it. Only broken framing (no Content-Length) still ends the connection:
/// after it no frame boundary can be trusted.
/// </summary>
internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    private readonly ConcurrentDictionary<RequestId, byte> _outstanding = new();

    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter)
        : base(output, input, formatter)
    {
    }

    /// <summary>Raised with a description of each frame that was ignored.</summary>
    public event Action<string>? MalformedMessage;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonRpcMessage? message;
            try
            {
                message = await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsContentError(ex))
            {
                var problem = Describe(ex);
                MalformedMessage?.Invoke(problem);
                await WriteAsync(new JsonRpcError
                {
                    RequestId = RequestId.Null,
                    Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.ParseError, Message = $"Parse error: {problem}" },
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (message is IJsonRpcMessageWithId { RequestId: var id } and (JsonRpcResult or JsonRpcError) && !_outstanding.TryRemove(id, out _))
            {
                MalformedMessage?.Invoke(id.IsNull
                    ? "an error response with id null (the client could not read one of our messages)"
                    : $"a response with id {id}, which answers no request of ours");
                // The frame's buffer is released when its reader is done with it; JsonRpc would do this for a message it keeps.
                ((StreamJsonRpc.Reflection.IJsonRpcMessageBufferManager)this).DeserializationComplete(message);
                continue;
            }
            return message;
        }
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request)
        {
            _outstanding[request.RequestId] = 0;
        }
        base.Write(content, cancellationToken);
    }

    /// <summary>
    /// Anything that went wrong turning a frame's bytes into a message. Transport failures, cancellation and broken
    /// framing are not: they end the connection as before.
    /// </summary>
    private static bool IsContentError(Exception ex) =>
        ex is not (IOException or ObjectDisposedException or OperationCanceledException or BadRpcHeaderException or EndOfStreamException);

    private static string Describe(Exception ex)
    {
        var inner = ex.InnerException ?? ex;
        var message = inner.Message;
        return message.Length <= 200 ? message : message[..200] + "…";
    }
}
