using LspTriage.Server.Hosting;

namespace LspTriage.Server.Handlers;

/// <summary>Notifications have no response to carry an error: params without what they need are logged and dropped.</summary>
internal static class NotificationParams
{
    public static bool HasUri(ServerContext context, string? uri, string method)
    {
        if (uri is null)
        {
            context.Log.Warning($"{method} without textDocument.uri: ignored.");
            return false;
        }
        return true;
    }
}
