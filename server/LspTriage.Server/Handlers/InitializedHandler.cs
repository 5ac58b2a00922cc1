using System.Text.Json;
using LspTriage.Server.Hosting;
using LspTriage.Server.Scheduling;

namespace LspTriage.Server.Handlers;

/// <summary><c>initialized</c>: starts the work that needs the client's answers (settings, file watching, the workspace scan).</summary>
internal sealed class InitializedHandler(ServerStartup startup) : INotificationHandler<JsonElement?>
{
    public string Method => "initialized";

    public void Apply(JsonElement? parameters) => _ = startup.RunAsync();
}
