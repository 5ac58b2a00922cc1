using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// The PostgreSQL store with the embedded index behind it. While the database answers, searches go to it and upserts
/// go to both. When it stops answering, <see cref="StatusChanged"/> fires once (the server shows it), searches are
/// served from the embedded index, and upserts and deletes are queued (latest per id wins). Every
/// <see cref="RetryInterval"/> — on the next call, or from a timer — it tries again; on success it migrates, replays the
/// queue in order, fires <see cref="StatusChanged"/> once more and goes back to PostgreSQL. Nothing queued is lost
/// while the process lives.
/// </summary>
public sealed class FallbackIncidentStore : IIncidentStore, IAsyncDisposable
{
    private readonly PostgresIncidentStore _primary;
    private readonly EmbeddedIncidentStore _fallback;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PendingChange> _queue = [];
    private readonly ITimer? _timer;
    private bool _online = true;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    /// <param name="primary">The shared PostgreSQL store.</param>
    /// <param name="fallback">The embedded index (normally the one the workspace keeps current anyway).</param>
    /// <param name="timeProvider">Clock for retry scheduling; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="retryInterval">How long to wait between reconnection attempts (default 30 s).</param>
    /// <param name="backgroundRetry">Also retry from a timer, so queued upserts replay without further calls.</param>
    public FallbackIncidentStore(PostgresIncidentStore primary, EmbeddedIncidentStore fallback, TimeProvider? timeProvider = null, TimeSpan? retryInterval = null, bool backgroundRetry = true)
    {
        _primary = primary;
        _fallback = fallback;
        _time = timeProvider ?? TimeProvider.System;
        RetryInterval = retryInterval ?? TimeSpan.FromSeconds(30);
        if (backgroundRetry)
        {
            _timer = _time.CreateTimer(_ => _ = RetryFromTimerAsync(), null, RetryInterval, RetryInterval);
        }
    }

    /// <summary>Raised when the database becomes unreachable (once per outage) and when it is back.</summary>
    public event EventHandler<IncidentStoreStatus>? StatusChanged;

    public string Name => _online ? _primary.Name : _fallback.Name;

    public TimeSpan RetryInterval { get; }

    /// <summary>True while PostgreSQL answers.</summary>
    public bool IsOnline => _online;

    /// <summary>Upserts and deletes waiting for the database.</summary>
    public int PendingCount
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    public async Task<IReadOnlyList<SimilarIncident>> SearchAsync(SimilarityQuery query, CancellationToken cancellationToken = default)
    {
        if (await ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                return await _primary.SearchAsync(query, cancellationToken).ConfigureAwait(false);
            }
            catch (IncidentStoreUnavailableException e)
            {
                GoOffline(e);
            }
        }
        return await _fallback.SearchAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FeatureCandidates> FindByFeaturesAsync(SimilarityQuery query, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken = default)
    {
        if (await ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                return await _primary.FindByFeaturesAsync(query, terms, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (IncidentStoreUnavailableException e)
            {
                GoOffline(e);
            }
        }
        return await _fallback.FindByFeaturesAsync(query, terms, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpsertAsync(IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken = default)
    {
        await _fallback.UpsertAsync(records, cancellationToken).ConfigureAwait(false);
        await ApplyOrQueueAsync(records.Select(r => new PendingChange(r.Id, r)).ToList(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var local = await _fallback.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        await ApplyOrQueueAsync([new PendingChange(id, null)], cancellationToken).ConfigureAwait(false);
        return local;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        if (await ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                return await _primary.CountAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IncidentStoreUnavailableException e)
            {
                GoOffline(e);
            }
        }
        return await _fallback.CountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tries the database now, whatever the schedule; true when it is online afterwards (queue replayed).</summary>
    public async Task<bool> ReconnectAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReconnectLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }
        await _primary.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ApplyOrQueueAsync(List<PendingChange> changes, CancellationToken cancellationToken)
    {
        if (await ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (IncidentStoreUnavailableException e)
            {
                GoOffline(e);
            }
        }
        Enqueue(changes);
    }

    private async Task ApplyAsync(IReadOnlyList<PendingChange> changes, CancellationToken cancellationToken)
    {
        // Consecutive upserts go in one batch; deletes break the run so that order is kept.
        var run = new List<IncidentRecord>();
        foreach (var change in changes)
        {
            if (change.Record is not null)
            {
                run.Add(change.Record);
                continue;
            }
            if (run.Count > 0)
            {
                await _primary.UpsertAsync(run, cancellationToken).ConfigureAwait(false);
                run = [];
            }
            await _primary.DeleteAsync(change.Id, cancellationToken).ConfigureAwait(false);
        }
        if (run.Count > 0)
        {
            await _primary.UpsertAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Enqueue(IEnumerable<PendingChange> changes)
    {
        lock (_queue)
        {
            foreach (var change in changes)
            {
                _queue.RemoveAll(c => c.Id == change.Id); // only the latest state of an id matters
                _queue.Add(change);
            }
        }
    }

    // True when the caller should try PostgreSQL: online, or offline with a retry due that succeeded.
    private async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        if (_online)
        {
            return true;
        }
        if (_time.GetUtcNow() < _nextAttempt)
        {
            return false;
        }
        return await ReconnectAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ReconnectLockedAsync(CancellationToken cancellationToken)
    {
        if (_online)
        {
            return true;
        }
        _nextAttempt = _time.GetUtcNow() + RetryInterval;
        try
        {
            await _primary.MigrateAsync(cancellationToken).ConfigureAwait(false);
            List<PendingChange> pending;
            lock (_queue)
            {
                pending = [.. _queue];
            }
            await ApplyAsync(pending, cancellationToken).ConfigureAwait(false);
            lock (_queue)
            {
                // Changes queued meanwhile stay; replayed ones go.
                _queue.RemoveAll(pending.Contains);
            }
            _online = true;
            StatusChanged?.Invoke(this, new IncidentStoreStatus(true,
                $"PostgreSQL at {_primary.DisplayName} is reachable again; replayed {pending.Count} queued change(s).", pending.Count));
            return true;
        }
        catch (IncidentStoreUnavailableException)
        {
            return false;
        }
    }

    private void GoOffline(IncidentStoreUnavailableException e)
    {
        lock (_queue)
        {
            if (!_online)
            {
                return;
            }
            _online = false;
            _nextAttempt = _time.GetUtcNow() + RetryInterval;
        }
        // The timer's phase was set when the store was made: restart it, so the first retry comes one interval after
        // the outage was noticed, not up to two.
        _timer?.Change(RetryInterval, RetryInterval);
        StatusChanged?.Invoke(this, new IncidentStoreStatus(false,
            $"{e.Message}. Similar incidents come from the local index until it is back (retrying every {RetryInterval.TotalSeconds:0} s); saved incidents are queued for it.",
            PendingCount));
    }

    private async Task RetryFromTimerAsync()
    {
        // The timer is the schedule: a tick a moment early (timers are not exact) must not skip a whole interval.
        if (_online || !_gate.Wait(0))
        {
            return;
        }
        try
        {
            await ReconnectLockedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A timer callback must not throw; the next call or tick tries again.
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record PendingChange(string Id, IncidentRecord? Record);
}

/// <summary>The PostgreSQL store went offline (<see cref="IsOnline"/> false) or came back; <see cref="Message"/> is
/// written for the user (no password); <see cref="Pending"/> is the queued change count at that moment.</summary>
public sealed record IncidentStoreStatus(bool IsOnline, string Message, int Pending);
