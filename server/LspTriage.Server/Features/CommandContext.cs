using System.Text.Json;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Features;

/// <summary>
/// What a <c>workspace/executeCommand</c> command runs with: its arguments and the server state captured when the
/// request arrived. Editors send the document as a plain URI string or as <c>{ "uri": … }</c>.
/// </summary>
internal sealed class CommandContext(string command, IReadOnlyList<JsonElement> arguments, RequestContext request)
{
    public IReadOnlyList<JsonElement> Arguments => arguments;

    public ServerSettings Settings => request.Settings;

    /// <summary>The URI in the first argument; its absence is the caller's error (-32602).</summary>
    public string Uri()
    {
        if (arguments.Count > 0)
        {
            var first = arguments[0];
            if (first.ValueKind == JsonValueKind.String && first.GetString() is { Length: > 0 } s)
            {
                return s;
            }
            if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String && u.GetString() is { Length: > 0 } fromObject)
            {
                return fromObject;
            }
        }
        throw Invalid($"{command} needs the document URI as its first argument.");
    }

    /// <summary>The document named by the first argument, at the version it had when the command arrived.</summary>
    public OpenDocument Document()
    {
        var uri = Uri();
        return request.Document(uri) ?? throw Invalid($"{uri} is not open in the editor.");
    }

    public static LocalRpcException Invalid(string message) => new(message) { ErrorCode = ErrorCodes.InvalidParams };
}
