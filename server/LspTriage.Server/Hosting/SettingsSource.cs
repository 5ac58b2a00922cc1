using System.Text.Json;
using LspTriage.Server.Diagnostics;
using LspTriage.Server.Features.Similarity;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;
using StreamJsonRpc;

namespace LspTriage.Server.Hosting;

/// <summary>
/// Where the <c>lspTriage</c> settings come from (pushed with <c>didChangeConfiguration</c>, or pulled with
/// <c>workspace/configuration</c> when the client supports it) and what applying them changes: every open document
/// gets the new options, the similar-incidents service is rebuilt if its stores or files changed, and diagnostics are
/// recomputed. Settings are server state, so they are applied on the ordered context like any notification.
/// </summary>
internal sealed class SettingsSource
{
    public const string Section = "lspTriage";

    private readonly ServerContext _context;
    private readonly DiagnosticsPublisher _publisher;
    private readonly SimilarityHost _similarity;
    private int _refreshes;

    public SettingsSource(ServerContext context, DiagnosticsPublisher publisher, SimilarityHost similarity)
    {
        _context = context;
        _publisher = publisher;
        _similarity = similarity;
    }

    /// <summary>Settings that came with the notification; called on the ordered context.</summary>
    public void ApplyPushed(ServerSettings settings)
    {
        // Newer than any answer to a pull still in flight: make those stale.
        Interlocked.Increment(ref _refreshes);
        Apply(settings);
    }

    /// <summary>Asks the client for the settings section, when it can answer, and applies the answer in order.</summary>
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
            if (result is { Length: > 0 })
            {
                var settings = ServerSettings.FromJson(result[0]);
                await _context.InOrderAsync(() =>
                {
                    if (ticket == Volatile.Read(ref _refreshes))
                    {
                        Apply(settings);
                    }
                }).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or JsonException)
        {
            _context.Log.Warning($"Could not read the {Section} settings from the client ({ex.GetType().Name}); keeping the current ones.");
        }
    }

    /// <summary>Raised on the ordered context when the settings that decide which files are incidents change.</summary>
    public event Action? FilesChanged;

    private static bool SameFiles(ServerSettings a, ServerSettings b) =>
        a.Documents.IncidentGlobs.SequenceEqual(b.Documents.IncidentGlobs) && a.Documents.PostmortemGlobs.SequenceEqual(b.Documents.PostmortemGlobs)
        && a.HistoryFolders.SequenceEqual(b.HistoryFolders);

    private void Apply(ServerSettings settings)
    {
        var previous = _context.Settings;
        _context.Settings = settings;
        _context.Log.Level = ClientLogger.ParseLevel(settings.LogLevel);
        _context.Log.Debug($"Settings applied: provider={settings.AnalysisProvider}, store={settings.SimilarityStore}, {settings.Documents.IncidentGlobs.Count + settings.Documents.PostmortemGlobs.Count} file globs.");
        if (_context.Lifecycle.IsInitialized)
        {
            // Other incident files: the workspace is scanned again and that one scan re-configures the similarity index
            // too. Otherwise the index is re-configured here (a new store or threshold), without reading a file.
            if (!SameFiles(previous, settings))
            {
                FilesChanged?.Invoke();
            }
            else
            {
                _ = _similarity.ConfigureAsync();
            }
        }
        foreach (var document in _context.Documents.All)
        {
            var updated = document.WithOptions(settings.Documents);
            _context.Documents.Set(updated);
            _publisher.Schedule(updated);
        }
        if (_context.PullDiagnostics && _context.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true)
        {
            _ = _context.RequestAsync<object?>("workspace/diagnostic/refresh", EmptyParams.Value, CancellationToken.None)
                .ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }
}
