using System.Text.Json;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Handlers;

/// <summary>
/// Settings arrive pushed (<c>didChangeConfiguration</c> with a payload) or are pulled with <c>workspace/configuration</c>
/// when the client supports it (VS Code sends an empty notification and expects us to ask).
/// </summary>
internal sealed class ConfigurationHandler
{
    public const string Section = "lspTriage";

    private readonly ServerContext _context;
    private readonly Action<ServerSettings> _applied;
    private int _refreshes;

    public ConfigurationHandler(ServerContext context, Action<ServerSettings> applied)
    {
        _context = context;
        _applied = applied;
    }

    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(DidChangeConfigurationParams p)
    {
        if (!_context.Lifecycle.AcceptsNotifications)
        {
            return;
        }
        if (p?.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty(Section, out var section))
        {
            // Newer than any answer to a pull still in flight: make those stale.
            Interlocked.Increment(ref _refreshes);
            Apply(ServerSettings.FromJson(section));
            return;
        }
        _ = RefreshAsync();
    }

    /// <summary>Asks the client for the settings section, when it can answer.</summary>
    public async Task RefreshAsync()
    {
        if (_context.Capabilities.Workspace?.Configuration != true)
        {
            return;
        }
        // Two refreshes can be in flight (start-up and a change right after): only the latest one's answer counts.
        var ticket = Interlocked.Increment(ref _refreshes);
        try
        {
            var result = await _context.RequestAsync<JsonElement[]>("workspace/configuration",
                new ConfigurationParams([new ConfigurationItem(null, Section)]), CancellationToken.None).ConfigureAwait(false);
            if (ticket != Volatile.Read(ref _refreshes))
            {
                return;
            }
            if (result is { Length: > 0 })
            {
                Apply(ServerSettings.FromJson(result[0]));
            }
        }
        catch (Exception ex) when (ex is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or JsonException)
        {
            _context.Log.Warning($"Could not read the {Section} settings from the client ({ex.GetType().Name}); keeping the current ones.");
        }
    }

    private void Apply(ServerSettings settings)
    {
        _context.Settings = settings;
        _context.Log.Level = ClientLogger.ParseLevel(settings.LogLevel);
        _context.Log.Debug($"Settings applied: provider={settings.AnalysisProvider}, store={settings.SimilarityStore}, {settings.Documents.IncidentGlobs.Count + settings.Documents.PostmortemGlobs.Count} file globs.");
        _applied(settings);
    }
}
