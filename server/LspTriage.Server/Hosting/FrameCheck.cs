using System.Buffers;
using System.Text.Json;
using LspTriage.Server.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspTriage.Server.Hosting;

/// <summary>
/// Why a frame cannot be handed to JSON-RPC, and how to answer it: with the request's id whenever that id can be read
/// (JSON-RPC 2.0 reserves a null id for when it cannot), and not at all for a notification, which has nobody waiting.
/// </summary>
internal sealed record FrameRejection(RequestId Id, bool Answer, int Code, string Problem)
{
    public JsonRpcError ToError() => new()
    {
        RequestId = Id,
        Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)Code, Message = Code == (int)JsonRpcErrorCode.ParseError ? $"Parse error: {Problem}" : Problem },
    };
}

/// <summary>
/// A shallow read of one frame's top-level members before the formatter sees it. StreamJsonRpc either ends the
/// connection or answers -32700 with id null for a message whose id is readable but whose method or params are not
/// usable; this check finds those first, so each gets the error the specification names, with its id.
/// </summary>
internal static class FrameCheck
{
    /// <summary>How deep params may nest: the formatter's System.Text.Json reader stops at 64 levels.</summary>
    public const int MaxDepth = 60;

    /// <summary>
    /// Null when the frame looks like a message the formatter can read; otherwise how to reject it. <paramref name="id"/>
    /// is the request id when one could be read, for answering a frame the formatter fails on all the same.
    /// </summary>
    public static FrameRejection? Check(ReadOnlySequence<byte> body, out RequestId id)
    {
        id = RequestId.NotSpecified;
        var idProblem = (string?)null;
        var method = (string?)null;
        var methodProblem = (string?)null;
        var hasMethod = false;
        var paramsKind = JsonTokenType.None;
        var paramsTooDeep = false;
        var isResponse = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                _ = reader.Read();
                return Reject(RequestId.Null, answer: true, (int)JsonRpcErrorCode.InvalidRequest, "the message is not a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueTextEquals("id") ? "id" : reader.ValueTextEquals("method") ? "method" : reader.ValueTextEquals("params") ? "params"
                    : reader.ValueTextEquals("result") || reader.ValueTextEquals("error") ? "response" : null;
                reader.Read();
                switch (name)
                {
                    case "id":
                        (var read, idProblem) = ReadId(ref reader);
                        id = read;
                        break;
                    case "method":
                        hasMethod = true;
                        (method, methodProblem) = ReadMethod(ref reader);
                        break;
                    case "params":
                        paramsKind = reader.TokenType;
                        paramsTooDeep = SkipMeasuring(ref reader) > MaxDepth;
                        break;
                    case "response":
                        isResponse = true;
                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            // Anything after the message is not JSON-RPC either: let the reader say so.
            _ = reader.Read();
        }
        catch (JsonException ex)
        {
            return Reject(RequestId.Null, answer: true, (int)JsonRpcErrorCode.ParseError, ex.Message);
        }

        var isRequest = !id.IsEmpty && !id.IsNull;
        if (idProblem is not null)
        {
            return Reject(RequestId.Null, answer: true, (int)JsonRpcErrorCode.InvalidRequest, idProblem);
        }
        if (!hasMethod)
        {
            return isResponse ? null : Reject(isRequest ? id : RequestId.Null, answer: true, (int)JsonRpcErrorCode.InvalidRequest,
                "the message has neither a method nor a result or error");
        }
        if (methodProblem is not null)
        {
            return Reject(isRequest ? id : RequestId.Null, answer: true, (int)JsonRpcErrorCode.InvalidRequest, methodProblem);
        }
        if (paramsKind is not (JsonTokenType.None or JsonTokenType.Null or JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return Reject(id, answer: isRequest, ErrorCodes.InvalidParams, $"Invalid params for {method}: params must be an object or an array, not {Describe(paramsKind)}.");
        }
        if (paramsTooDeep)
        {
            return Reject(id, answer: isRequest, ErrorCodes.InvalidParams, $"Invalid params for {method}: nested deeper than {MaxDepth} levels.");
        }
        return null;
    }

    private static FrameRejection Reject(RequestId id, bool answer, int code, string problem) => new(id, answer, code, problem);

    private static (RequestId Id, string? Problem) ReadId(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return (new RequestId(number), null);
            case JsonTokenType.String:
                try
                {
                    return (new RequestId(reader.GetString()), null);
                }
                catch (InvalidOperationException)
                {
                    return (RequestId.NotSpecified, "the id is not valid UTF-16 text");
                }
            case JsonTokenType.Null:
                return (RequestId.Null, null);
            default:
                var kind = reader.TokenType;
                reader.Skip();
                return (RequestId.NotSpecified, $"the id must be a string or an integer, not {Describe(kind)}");
        }
    }

    private static (string? Method, string? Problem) ReadMethod(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var kind = reader.TokenType;
            reader.Skip();
            return (null, $"the method must be a string, not {Describe(kind)}");
        }
        try
        {
            return reader.GetString() is { Length: > 0 } method ? (method, null) : (null, "the method is empty");
        }
        catch (InvalidOperationException)
        {
            return (null, "the method is not valid UTF-16 text");
        }
    }

    /// <summary>Skips the current value and returns how many levels deep it nests (0 for a primitive).</summary>
    private static int SkipMeasuring(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return 0;
        }
        var start = reader.CurrentDepth;
        var deepest = 0;
        while (reader.Read() && reader.CurrentDepth > start)
        {
            deepest = Math.Max(deepest, reader.CurrentDepth - start);
        }
        return deepest + 1;
    }

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => kind.ToString(),
    };
}
