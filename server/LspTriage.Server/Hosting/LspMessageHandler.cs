using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspTriage.Server.Hosting;

/// <summary>
/// LSP's Content-Length framing, tolerant of bad content. Header names are case-insensitive (as in HTTP, and as
/// vscode-jsonrpc reads them). A frame that is read whole but is not a message we can use is answered as JSON-RPC 2.0
/// says — -32700 for bytes that are not JSON, -32600 for a message without a usable method, -32602 for unusable
/// params, each with the request's id when it can be read — and the connection carries on with the next frame. A
/// response to no request of ours (or with id null, which a client sends when it could not parse one of our messages)
/// is logged and dropped. Stock StreamJsonRpc drops the whole connection in these cases, which would take the
/// editor's language features down with it. Only broken framing (no usable Content-Length) still ends the
/// connection: after it no frame boundary can be trusted.
/// </summary>
internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    /// <summary>Larger frames are broken framing, not documents: nobody edits a 256 MB incident.</summary>
    private const int MaxFrameBytes = 256 * 1024 * 1024;
    private const int MaxHeaderLineBytes = 8 * 1024;

    private readonly ConcurrentDictionary<RequestId, byte> _outstanding = new();
    private bool _wroteOne;

    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter)
        : base(output, input, formatter)
    {
    }

    /// <summary>Raised with a description of each frame that was ignored or answered with an error.</summary>
    public event Action<string>? MalformedMessage;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await ReadContentLengthAsync(cancellationToken).ConfigureAwait(false) is not { } length)
            {
                return null;
            }
            var (message, rejection) = await ReadBodyAsync(length, cancellationToken).ConfigureAwait(false);
            if (rejection is not null)
            {
                MalformedMessage?.Invoke(rejection.Answer ? $"{rejection.Problem} (answered {rejection.Code}{(rejection.Id.IsNull ? "" : $" to request {rejection.Id}")})" : rejection.Problem);
                if (rejection.Answer)
                {
                    await WriteAsync(rejection.ToError(), cancellationToken).ConfigureAwait(false);
                }
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
        if (!_wroteOne)
        {
            _wroteOne = true;
            StartupTrace.Mark("first message serialized");
        }
    }

    private async ValueTask<(JsonRpcMessage? Message, FrameRejection? Rejection)> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return (null, new FrameRejection(RequestId.Null, true, (int)JsonRpcErrorCode.ParseError, "the frame is empty"));
        }
        var read = await ReadAtLeastAsync(length, allowEmpty: false, cancellationToken).ConfigureAwait(false);
        var frame = read.Buffer.Slice(0, length);
        // The message keeps its params as JSON over these bytes until a handler binds them, on another thread and
        // after this reader has moved on: it gets bytes of its own, not the pipe's buffer, which the next frame reuses.
        var body = new ReadOnlySequence<byte>(frame.ToArray());
        Reader!.AdvanceTo(frame.End);
        if (FrameCheck.Check(body, out var id) is { } rejection)
        {
            return (null, rejection);
        }
        try
        {
            return (Formatter.Deserialize(body), null);
        }
        catch (Exception ex) when (IsContentError(ex))
        {
            var problem = Describe(ex);
            return (null, id.IsEmpty || id.IsNull
                ? new FrameRejection(RequestId.Null, true, (int)JsonRpcErrorCode.ParseError, problem)
                : new FrameRejection(id, true, (int)JsonRpcErrorCode.InvalidRequest, $"The request could not be read: {problem}"));
        }
    }

    /// <summary>Reads one frame's header lines; null at a clean end of stream.</summary>
    private async ValueTask<int?> ReadContentLengthAsync(CancellationToken cancellationToken)
    {
        var reader = Reader!;
        int? length = null;
        var first = true;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (first && buffer.Length == 0 && result.IsCompleted)
            {
                return null;
            }
            if (buffer.PositionOf((byte)'\n') is not { } lf)
            {
                if (result.IsCompleted)
                {
                    throw new EndOfStreamException();
                }
                if (buffer.Length > MaxHeaderLineBytes)
                {
                    throw new BadRpcHeaderException($"A header line is longer than {MaxHeaderLineBytes} bytes.");
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            first = false;
            var line = ParseLine(buffer.Slice(0, lf), ref length);
            reader.AdvanceTo(buffer.GetPosition(1, lf));
            if (line == 0)
            {
                return length ?? throw new BadRpcHeaderException("No Content-Length header detected.");
            }
        }
    }

    /// <summary>Applies one header line (without its \n); returns its length without the optional \r.</summary>
    private static int ParseLine(ReadOnlySequence<byte> raw, ref int? length)
    {
        if (raw.Length > MaxHeaderLineBytes)
        {
            throw new BadRpcHeaderException($"A header line is longer than {MaxHeaderLineBytes} bytes.");
        }
        var line = raw.ToArray().AsSpan();
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        if (line.Length == 0)
        {
            return 0;
        }
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            throw new BadRpcHeaderException("Colon not found in header.");
        }
        var name = Encoding.ASCII.GetString(line[..colon]).Trim();
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (!Utf8Parser.TryParse(value, out int parsed, out var consumed) || consumed != value.Length || parsed < 0 || parsed > MaxFrameBytes)
            {
                throw new BadRpcHeaderException("The Content-Length header is not a length this server accepts.");
            }
            length = parsed;
        }
        // Content-Type carries nothing LSP lets vary (the charset is utf-8), and other headers are ignored.
        return line.Length;
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
