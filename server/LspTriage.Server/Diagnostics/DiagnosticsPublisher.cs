using System.Collections.Concurrent;
using LspTriage.Server.Hosting;
using LspTriage.Server.Protocol;
using LspTriage.Server.Workspace;

namespace LspTriage.Server.Diagnostics;

/// <summary>
/// Pushes diagnostics after a short quiet period per document, so a burst of keystrokes costs one parse, and
/// publishes them with the version they describe; a result for a version that has since changed is dropped.
/// </summary>
internal sealed class DiagnosticsPublisher
{
    private readonly ServerContext _context;
    private readonly DiagnosticsComputer _computer;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);

    public DiagnosticsPublisher(ServerContext context, DiagnosticsComputer computer, TimeSpan delay)
    {
        _context = context;
        _computer = computer;
        Delay = delay;
    }

    public TimeSpan Delay { get; }

    /// <summary>How long index events are gathered before open documents are checked again (see <see cref="ScheduleAll"/>).</summary>
    private static readonly TimeSpan AllDelay = TimeSpan.FromSeconds(1);

    private int _allPending;

    /// <summary>
    /// Publishes every open document again: what the diagnostics read besides the text changed (the similarity index,
    /// for LT030). Index events come in bursts (a checkout, every open file saved, other servers writing the shared
    /// store), and each round searches the index once per open document: one round per burst, not one per event.
    /// </summary>
    public void ScheduleAll()
    {
        if (Interlocked.Exchange(ref _allPending, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            await Task.Delay(AllDelay, _context.Time).ConfigureAwait(false);
            // Cleared before the round: an event during it asks for the next one.
            Volatile.Write(ref _allPending, 0);
            foreach (var document in _context.Documents.All.Where(d => d.IsOurs))
            {
                Schedule(document);
            }
            // A client that pulls holds result ids that may now name other diagnostics: ask it to pull again.
            if (_context.PullDiagnostics && _context.Capabilities.Workspace?.Diagnostics?.RefreshSupport == true)
            {
                _ = _context.RequestAsync<object?>("workspace/diagnostic/refresh", new { }, CancellationToken.None)
                    .ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        });
    }

    /// <param name="immediately">On open there is no burst of keystrokes to wait out: publish as soon as computed.</param>
    public void Schedule(OpenDocument document, bool immediately = false)
    {
        if (_context.PullDiagnostics)
        {
            return;
        }
        var cts = new CancellationTokenSource();
        if (_pending.TryGetValue(document.Uri, out var previous))
        {
            previous.Cancel();
        }
        _pending[document.Uri] = cts;
        _ = PublishAfterDelayAsync(document, immediately ? TimeSpan.Zero : Delay, cts);
    }

    public void Clear(string uri)
    {
        if (_pending.TryRemove(uri, out var previous))
        {
            previous.Cancel();
        }
        if (!_context.PullDiagnostics)
        {
            _ = _context.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, []));
        }
    }

    private async Task PublishAfterDelayAsync(OpenDocument document, TimeSpan delay, CancellationTokenSource cts)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _context.Time, cts.Token).ConfigureAwait(false);
            }
            var diagnostics = await Task.Run(() => _computer.ComputeAsync(document, cts.Token), cts.Token).ConfigureAwait(false);
            if (cts.IsCancellationRequested || _context.Documents.Get(document.Uri)?.Version != document.Version)
            {
                return;
            }
            await _context.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is ObjectDisposedException or StreamJsonRpc.ConnectionLostException)
        {
            // The connection closed while we were computing: nobody is left to tell.
        }
        catch (Exception ex)
        {
            _context.Log.Error($"Diagnostics for {document.Uri} failed: {ex.Message}");
        }
        finally
        {
            // Not disposed: Schedule may still cancel it, and a timer-less source holds nothing to release.
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(document.Uri, cts));
        }
    }
}
