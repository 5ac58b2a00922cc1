using System.Collections.Concurrent;
using System.Threading.Channels;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Trigrams;
using Npgsql;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// A team's shared PostgreSQL history, searched locally: a replica of <c>lsptriage.incidents</c> in an embedded
/// trigram index (pg_trgm scores bit-identical with the database's), so a hover never waits on the network.
/// <para>One background loop owns one connection (a team's fifty servers hold fifty connections): it LISTENs on the
/// channel migration 5's trigger notifies, then writes what the <see cref="IncidentOutbox"/> holds, then reads the
/// whole history in batches (searches see each batch as it lands; before the first one they are answered from
/// <c>beforeFirstLoad</c>, the workspace's own index), and from then on reads only rows whose <c>updated_at</c> is
/// past the watermark — when a notification says something changed, and every <see cref="PollInterval"/> in case one
/// was missed. When the connection breaks it reports the outage once, keeps answering from the replica, and
/// reconnects every <see cref="RetryInterval"/>; a reconnect reads the whole history again, which also removes rows
/// deleted meanwhile.</para>
/// <para>Writes go to the replica at once and through the outbox to PostgreSQL: <see cref="UpsertAsync"/> returns
/// when the database has them, or at once (queued, on disk) while it is unreachable.</para>
/// </summary>
public sealed class ReplicatedIncidentStore : IIncidentStore, IAsyncDisposable
{
    /// <summary>Rows per batch of the full read: small enough that searches see the history arrive, large enough
    /// that trigram extraction runs in parallel efficiently.</summary>
    internal const int LoadBatchSize = 5_000;

    /// <summary>
    /// How far behind the watermark a catch-up reads again. <c>updated_at</c> is a writer's transaction start, so a
    /// row can become visible after rows with a later <c>updated_at</c>; re-reading this window catches it as long as
    /// no writer's transaction runs longer (ours are single batched statements). A re-read row that did not change
    /// costs a comparison.
    /// </summary>
    internal static readonly TimeSpan WatermarkOverlap = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan NotificationDebounce = TimeSpan.FromMilliseconds(200);

    private readonly PostgresIncidentStore _primary;
    private readonly EmbeddedIncidentStore _replica = new();
    private readonly EmbeddedIncidentStore? _beforeFirstLoad;
    private readonly IncidentOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private readonly ConcurrentQueue<string> _deletedElsewhere = new();
    private readonly List<(HashSet<long> Sequences, TaskCompletionSource Done)> _writeWaiters = [];
    private CancellationTokenSource? _wake;
    private Task _loop = Task.CompletedTask;
    private volatile bool _connected;
    private volatile bool _offline; // the last attempt failed: writes queue without waiting
    private volatile bool _hasShared;
    private volatile bool _changedElsewhere;
    private volatile bool _reloadNeeded;
    private bool _outageReported;
    private int _ownBackend;
    private DateTime? _watermark;

    /// <param name="primary">The shared PostgreSQL store; the replica holds its one connection.</param>
    /// <param name="outbox">Writes waiting for the database (persisted by the caller's choice of folder).</param>
    /// <param name="beforeFirstLoad">What answers searches before the first batch of the shared history arrived
    /// (the workspace's own index); null: the empty replica.</param>
    /// <param name="timeProvider">Clock for the poll and reconnect schedule.</param>
    /// <param name="pollInterval">How often to read changes without a notification (default 30 s).</param>
    /// <param name="retryInterval">How long to wait before reconnecting (default 30 s).</param>
    public ReplicatedIncidentStore(PostgresIncidentStore primary, IncidentOutbox outbox, EmbeddedIncidentStore? beforeFirstLoad = null, TimeProvider? timeProvider = null, TimeSpan? pollInterval = null, TimeSpan? retryInterval = null)
    {
        _primary = primary;
        _outbox = outbox;
        _beforeFirstLoad = beforeFirstLoad;
        _time = timeProvider ?? TimeProvider.System;
        PollInterval = pollInterval ?? TimeSpan.FromSeconds(30);
        RetryInterval = retryInterval ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Raised when the database becomes unreachable (once per outage) and when it is back.</summary>
    public event EventHandler<IncidentStoreStatus>? StatusChanged;

    /// <summary>The replica's contents changed (a batch loaded, a change or delete applied): cached answers are stale.</summary>
    public event Action? Changed;

    public string Name => "postgres";

    public TimeSpan PollInterval { get; }

    public TimeSpan RetryInterval { get; }

    /// <summary>True while the loop holds a working connection.</summary>
    public bool IsOnline => _connected;

    /// <summary>Writes waiting for the database.</summary>
    public int PendingCount => _outbox.Count;

    /// <summary>Completes when the whole shared history has been read once.</summary>
    public Task Loaded => _loaded.Task;

    /// <summary>Rows of the shared history held locally.</summary>
    public int ReplicaCount => _replica.Count;

    /// <summary>The replica itself (benchmarks and tests compare it with the database).</summary>
    public EmbeddedIncidentStore Replica => _replica;

    /// <summary>Starts the background loop (once); returns at once.</summary>
    public ReplicatedIncidentStore Start()
    {
        lock (_lock)
        {
            if (_loop.IsCompleted && !_stop.IsCancellationRequested)
            {
                _loop = Task.Run(RunAsync);
            }
        }
        return this;
    }

    public Task<IReadOnlyList<SimilarIncident>> SearchAsync(SimilarityQuery query, CancellationToken cancellationToken = default) =>
        Answering.SearchAsync(query, cancellationToken);

    public Task<FeatureCandidates> FindByFeaturesAsync(SimilarityQuery query, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken = default) =>
        Answering.FindByFeaturesAsync(query, terms, limit, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Answering.CountAsync(cancellationToken);

    public async Task UpsertAsync(IReadOnlyList<IncidentRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }
        await WriteAsync(records.Select(r => (r.Id, (IncidentRecord?)r)).ToList(), cancellationToken).ConfigureAwait(false);
        await _replica.UpsertAsync(records, cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var had = await _replica.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        await WriteAsync([(id, null)], cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
        return had;
    }

    /// <summary>Completes when every write made so far has reached the database, or at once while it is unreachable.</summary>
    public Task WrittenAsync(CancellationToken cancellationToken = default) =>
        WaitWrittenAsync(_outbox.Snapshot().Select(e => e.Sequence).ToHashSet(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Wake();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        ReleaseWriteWaiters(all: true);
        _outbox.Dispose();
        await _primary.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private IIncidentStore Answering => _hasShared || _beforeFirstLoad is null ? _replica : _beforeFirstLoad;

    private async Task WriteAsync(List<(string Id, IncidentRecord? Record)> changes, CancellationToken cancellationToken)
    {
        // On disk before the replica shows it: a crash now still delivers it on the next start.
        _outbox.Add(changes);
        var ids = changes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var sequences = _outbox.Snapshot().Where(e => ids.Contains(e.Id)).Select(e => e.Sequence).ToHashSet();
        Wake();
        await WaitWrittenAsync(sequences, cancellationToken).ConfigureAwait(false);
    }

    private Task WaitWrittenAsync(HashSet<long> sequences, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_writeWaiters)
        {
            _writeWaiters.Add((sequences, done));
        }
        ReleaseWriteWaiters(all: _offline);
        return done.Task.WaitAsync(cancellationToken);
    }

    // Completes the waiters whose writes left the outbox; all of them when the database is unreachable (queued).
    private void ReleaseWriteWaiters(bool all)
    {
        var waiting = all ? [] : _outbox.Snapshot().Select(e => e.Sequence).ToHashSet();
        lock (_writeWaiters)
        {
            _writeWaiters.RemoveAll(w =>
            {
                if (all || !w.Sequences.Overlaps(waiting))
                {
                    w.Done.TrySetResult();
                    return true;
                }
                return false;
            });
        }
    }

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                GoOffline(e);
            }
            try
            {
                await Task.Delay(RetryInterval, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        var conn = await _primary.OpenMigratedConnectionAsync(stop).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            try
            {
                _ownBackend = conn.ProcessID;
                conn.Notification += OnNotification;
                // Listening before reading: whatever commits after the read's snapshot is announced.
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresMigrations.ReplicaChannel}", conn))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }
                var replayed = await WriteOutboxAsync(conn, stop).ConfigureAwait(false);
                _connected = true;
                _offline = false;
                ReportOnline(replayed);
                await ReadAllAsync(conn, stop).ConfigureAwait(false);
                _loaded.TrySetResult();
                var nextPoll = _time.GetUtcNow() + PollInterval;
                while (true)
                {
                    stop.ThrowIfCancellationRequested();
                    await WriteOutboxAsync(conn, stop).ConfigureAwait(false);
                    ApplyDeletesElsewhere();
                    if (_reloadNeeded)
                    {
                        _reloadNeeded = false;
                        await ReadAllAsync(conn, stop).ConfigureAwait(false);
                    }
                    var pollDue = _time.GetUtcNow() >= nextPoll;
                    if (_changedElsewhere || pollDue)
                    {
                        if (!pollDue)
                        {
                            // Fifty servers saving at once notify each other thousands of times in a few seconds: one
                            // read per quiet moment, not one per notification. Real time: a debounce, not a schedule.
                            await Task.Delay(NotificationDebounce, stop).ConfigureAwait(false);
                        }
                        _changedElsewhere = false;
                        await CatchUpAsync(conn, stop).ConfigureAwait(false);
                        if (pollDue)
                        {
                            nextPoll = _time.GetUtcNow() + PollInterval;
                        }
                    }
                    await WaitForWorkAsync(conn, nextPoll, stop).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                throw _primary.Unavailable(e);
            }
            finally
            {
                _connected = false;
                conn.Notification -= OnNotification;
            }
        }
    }

    private void OnNotification(object? sender, NpgsqlNotificationEventArgs e)
    {
        if (e.PID == _ownBackend)
        {
            return; // our own write: the replica has it already
        }
        if (e.Payload.StartsWith("delete:", StringComparison.Ordinal))
        {
            _deletedElsewhere.Enqueue(e.Payload["delete:".Length..]);
        }
        else if (e.Payload == "delete")
        {
            _reloadNeeded = true; // an id too long for a payload: find out which by reading everything
        }
        else
        {
            _changedElsewhere = true;
        }
    }

    private bool HasWork => _outbox.Count > 0 || _changedElsewhere || _reloadNeeded || !_deletedElsewhere.IsEmpty;

    private async Task WaitForWorkAsync(NpgsqlConnection conn, DateTimeOffset nextPoll, CancellationToken stop)
    {
        var delay = nextPoll - _time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var timer = _time.CreateTimer(static s =>
        {
            try
            {
                ((CancellationTokenSource)s!).Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }, wake, delay, Timeout.InfiniteTimeSpan);
        try
        {
            lock (_lock)
            {
                if (HasWork)
                {
                    return;
                }
                _wake = wake;
            }
            // Returns when a notification arrives (OnNotification has run), or throws when woken.
            await conn.WaitAsync(wake.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_lock)
            {
                _wake = null;
            }
            await timer.DisposeAsync().ConfigureAwait(false);
            wake.Dispose();
        }
    }

    private void Wake()
    {
        lock (_lock)
        {
            _wake?.Cancel();
        }
    }

    private async Task<int> WriteOutboxAsync(NpgsqlConnection conn, CancellationToken stop)
    {
        var pending = _outbox.Snapshot();
        if (pending.Count == 0)
        {
            return 0;
        }
        // Consecutive upserts go in one batch; a delete ends the run so that order is kept.
        var run = new List<IncidentRecord>();
        foreach (var entry in pending)
        {
            if (entry.Record is not null)
            {
                run.Add(entry.Record);
                continue;
            }
            if (run.Count > 0)
            {
                await PostgresIncidentStore.UpsertOnAsync(conn, run, stop).ConfigureAwait(false);
                run = [];
            }
            await PostgresIncidentStore.DeleteOnAsync(conn, entry.Id, stop).ConfigureAwait(false);
        }
        if (run.Count > 0)
        {
            await PostgresIncidentStore.UpsertOnAsync(conn, run, stop).ConfigureAwait(false);
        }
        _outbox.Remove(pending);
        ReleaseWriteWaiters(all: false);
        return pending.Count;
    }

    private async Task ReadAllAsync(NpgsqlConnection conn, CancellationToken stop)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Reading the next rows overlaps indexing the last ones: the database, the reader and trigram extraction each
        // keep a core busy.
        var batches = Channel.CreateBounded<List<IncidentRecord>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var indexing = Task.Run(async () =>
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                Apply(batch);
                _hasShared = true;
            }
        }, stop);
        DateTime? watermark;
        try
        {
            (_, watermark) = await PostgresReplicaQueries.ReadAllAsync(conn, LoadBatchSize, async batch =>
            {
                foreach (var r in batch)
                {
                    seen.Add(r.Id);
                }
                await batches.Writer.WriteAsync(batch, stop).ConfigureAwait(false);
            }, stop).ConfigureAwait(false);
        }
        finally
        {
            batches.Writer.TryComplete();
            await indexing.ConfigureAwait(false);
        }
        // Rows deleted while we were not listening; a write still waiting for the database stays.
        var waiting = _outbox.Snapshot().Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var record in _replica.Records())
        {
            if (!seen.Contains(record.Id) && !waiting.Contains(record.Id) && await _replica.DeleteAsync(record.Id, stop).ConfigureAwait(false))
            {
                removed++;
            }
        }
        _hasShared = true;
        if (watermark is { } w && (_watermark is null || w > _watermark))
        {
            _watermark = w;
        }
        if (removed > 0)
        {
            Changed?.Invoke();
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection conn, CancellationToken stop)
    {
        var since = _watermark is { } w && w - DateTime.MinValue > WatermarkOverlap ? w - WatermarkOverlap : DateTime.MinValue;
        var (records, newest) = await PostgresReplicaQueries.ReadChangedSinceAsync(conn, since, stop).ConfigureAwait(false);
        Apply(records);
        if (newest is { } n && (_watermark is null || n > _watermark))
        {
            _watermark = n;
        }
    }

    // Rows from the database into the replica: only those that differ from what it holds, and none whose id has a
    // newer write of ours still on its way there. Trigram sets are extracted in parallel, outside the index's lock.
    private void Apply(List<IncidentRecord> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var waiting = _outbox.Count == 0 ? null : _outbox.Snapshot().Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var changed = rows.Where(r => waiting?.Contains(r.Id) != true && !SameContent(_replica.Get(r.Id), r)).ToArray();
        if (changed.Length == 0)
        {
            return;
        }
        var prepared = new (IncidentRecord, int[])[changed.Length];
        Parallel.For(0, changed.Length, i => prepared[i] = (changed[i], TrigramExtractor.ExtractSet(changed[i].Key)));
        _replica.UpsertPrepared(prepared);
        Changed?.Invoke();
    }

    private void ApplyDeletesElsewhere()
    {
        var any = false;
        while (_deletedElsewhere.TryDequeue(out var id))
        {
            any |= _replica.Delete(id);
        }
        if (any)
        {
            Changed?.Invoke();
        }
    }

    private static bool SameContent(IncidentRecord? a, IncidentRecord b) =>
        a is not null && a.Id == b.Id && a.Title == b.Title && a.Key == b.Key && a.Service == b.Service && a.Date == b.Date &&
        a.Severity == b.Severity && a.RootCause == b.RootCause && a.Path == b.Path && a.Resolution == b.Resolution &&
        a.Categories.SequenceEqual(b.Categories) &&
        a.Features.Signatures.SequenceEqual(b.Features.Signatures) && a.Features.Identifiers.SequenceEqual(b.Features.Identifiers);

    private void GoOffline(Exception e)
    {
        _connected = false;
        _offline = true;
        ReleaseWriteWaiters(all: true);
        if (_outageReported)
        {
            return;
        }
        _outageReported = true;
        var message = e is IncidentStoreUnavailableException ? e.Message : $"PostgreSQL at {_primary.DisplayName} failed: {e.Message}";
        StatusChanged?.Invoke(this, new IncidentStoreStatus(false,
            $"{message}. Similar incidents come from the local copy of the shared history until it is back (retrying every {RetryInterval.TotalSeconds:0} s); saved incidents are queued for it.",
            _outbox.Count));
    }

    private void ReportOnline(int replayed)
    {
        if (!_outageReported)
        {
            return;
        }
        _outageReported = false;
        StatusChanged?.Invoke(this, new IncidentStoreStatus(true,
            $"PostgreSQL at {_primary.DisplayName} is reachable again; replayed {replayed} queued change(s).", _outbox.Count));
    }
}

/// <summary>The PostgreSQL store went offline (<see cref="IsOnline"/> false) or came back; <see cref="Message"/> is
/// written for the user (no password); <see cref="Pending"/> is the queued change count at that moment.</summary>
public sealed record IncidentStoreStatus(bool IsOnline, string Message, int Pending);
