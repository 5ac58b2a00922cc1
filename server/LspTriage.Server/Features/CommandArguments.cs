using System.Text.Json;
using LspTriage.Server.Protocol;
using StreamJsonRpc;

namespace LspTriage.Server.Features;

/// <summary>Reads <c>workspace/executeCommand</c> arguments, which editors send as a plain string or as <c>{ "uri": … }</c>.</summary>
internal static class CommandArguments
{
    public static string Uri(IReadOnlyList<JsonElement> arguments, string command)
    {
        if (arguments.Count > 0)
        {
            var first = arguments[0];
            if (Text(first) is { Length: > 0 } s)
            {
                return s;
            }
            if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("uri", out var u) && Text(u) is { Length: > 0 } fromObject)
            {
                return fromObject;
            }
        }
        throw Invalid($"{command} needs the document URI as its first argument.");
    }

    /// <summary>A JSON string as text; null for anything else, including a string that is not valid UTF-16 (a lone surrogate).</summary>
    private static string? Text(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static LocalRpcException Invalid(string message) => new(message) { ErrorCode = ErrorCodes.InvalidParams };
}
