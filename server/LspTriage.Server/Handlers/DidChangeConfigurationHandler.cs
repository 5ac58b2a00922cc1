using System.Text.Json;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Scheduling;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Handlers;

/// <summary>
/// <c>workspace/didChangeConfiguration</c>: settings pushed with the notification apply at once; an empty notification
/// (what VS Code sends) makes the server ask with <c>workspace/configuration</c>.
/// </summary>
internal sealed class DidChangeConfigurationHandler(SettingsSource settings) : INotificationHandler<DidChangeConfigurationParams>
{
    public string Method => "workspace/didChangeConfiguration";

    public void Apply(DidChangeConfigurationParams p)
    {
        if (p?.Settings is { ValueKind: JsonValueKind.Object } pushed && pushed.TryGetProperty(SettingsSource.Section, out var section))
        {
            settings.ApplyPushed(ServerSettings.FromJson(section));
            return;
        }
        _ = settings.RefreshAsync();
    }
}
