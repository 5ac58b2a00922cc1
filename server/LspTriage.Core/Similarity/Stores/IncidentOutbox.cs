using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>
/// Writes on their way to the shared PostgreSQL: every upsert and delete is recorded here first (the latest per id
/// wins) and leaves once the database has it, so a write made while PostgreSQL is down survives a restart (or a crash) of the
/// server. On disk each process appends JSON lines to its own file, held open exclusively for the process's life;
/// a file nobody holds belongs to a process that ended, and the next store for the same database adopts it
/// (<see cref="AdoptOrphans"/>). Replaying an upsert twice is harmless (upserts are keyed by id), so a crash between
/// writing to PostgreSQL and trimming the file costs nothing but a repeated statement.
/// </summary>
public sealed class IncidentOutbox : IDisposable
{
    private readonly object _lock = new();
    private readonly List<OutboxEntry> _entries = [];
    private readonly string? _folder;
    private FileStream? _own;
    private long _sequence;

    /// <param name="folder">Where this database's outbox files live (see <see cref="FolderFor"/>); null keeps the
    /// outbox in memory only.</param>
    public IncidentOutbox(string? folder)
    {
        _folder = folder;
    }

    /// <summary>The outbox folder for a database under a state folder (see <see cref="Files.StateFolder"/>): one per
    /// host, port and database, named by a hash so that no part of the connection string is written to disk.</summary>
    public static string FolderFor(string stateFolder, string databaseDisplayName)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(databaseDisplayName)))[..16];
        return Path.Combine(stateFolder, "outbox", hash);
    }

    /// <summary>The file this process appends to, once it has written something.</summary>
    public string? FilePath => _own?.Name;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Records changes (a null record is a delete), on disk before this returns.</summary>
    public void Add(IEnumerable<(string Id, IncidentRecord? Record)> changes)
    {
        lock (_lock)
        {
            var lines = new List<OutboxEntry>();
            foreach (var (id, record) in changes)
            {
                _entries.RemoveAll(e => e.Id == id);
                var entry = new OutboxEntry(++_sequence, id, record);
                _entries.Add(entry);
                lines.Add(entry);
            }
            Append(lines);
        }
    }

    /// <summary>What is waiting, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }

    /// <summary>The database has these: drop them, unless a later write of the same id replaced them meanwhile.</summary>
    public void Remove(IReadOnlyCollection<OutboxEntry> written)
    {
        lock (_lock)
        {
            var done = written.Select(e => e.Sequence).ToHashSet();
            if (_entries.RemoveAll(e => done.Contains(e.Sequence)) > 0)
            {
                Rewrite();
            }
        }
    }

    /// <summary>
    /// Takes over the files of processes that ended with writes still waiting (a file this call can open
    /// exclusively): their entries join this outbox, except for ids this process has written since, and the files go.
    /// Returns how many entries were adopted.
    /// </summary>
    public int AdoptOrphans()
    {
        if (_folder is null || !Directory.Exists(_folder))
        {
            return 0;
        }
        var adopted = 0;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            if (_own is not null && string.Equals(file, _own.Name, StringComparison.Ordinal))
            {
                continue;
            }
            List<OutboxEntry> orphaned;
            try
            {
                // Exclusive, and deleted when closed: a file another process still holds fails here and stays.
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 4096, FileOptions.DeleteOnClose);
                orphaned = Read(stream);
                lock (_lock)
                {
                    var fresh = orphaned.Where(o => !_entries.Any(e => e.Id == o.Id)).Select(o => o with { Sequence = ++_sequence }).ToList();
                    _entries.InsertRange(0, fresh); // older than anything this process wrote
                    adopted += fresh.Count;
                    if (fresh.Count > 0)
                    {
                        Rewrite();
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by a live server (or unreadable): not an orphan.
            }
        }
        return adopted;
    }

    /// <summary>Closes this process's file, deleting it when nothing is waiting (else the next start adopts it).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_own is null)
            {
                return;
            }
            var path = _own.Name;
            var empty = _entries.Count == 0;
            _own.Dispose();
            _own = null;
            if (empty)
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // An empty file left behind is adopted (as nothing) and removed by the next start.
                }
            }
        }
    }

    private void Append(IReadOnlyList<OutboxEntry> entries)
    {
        if (_folder is null || entries.Count == 0)
        {
            return;
        }
        var own = Own();
        foreach (var entry in entries)
        {
            WriteLine(own, entry);
        }
        own.Flush(flushToDisk: true);
    }

    private void Rewrite()
    {
        if (_folder is null)
        {
            return;
        }
        var own = Own();
        own.SetLength(0);
        foreach (var entry in _entries)
        {
            WriteLine(own, entry);
        }
        own.Flush(flushToDisk: true);
    }

    private FileStream Own()
    {
        if (_own is null)
        {
            Directory.CreateDirectory(_folder!);
            var path = Path.Combine(_folder!, $"{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
            _own = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        return _own;
    }

    private static void WriteLine(FileStream stream, OutboxEntry entry)
    {
        var line = new OutboxLine(entry.Id, entry.Record is null ? null : OutboxRecord.From(entry.Record));
        JsonSerializer.Serialize(stream, line, OutboxJsonContext.Default.OutboxLine);
        stream.WriteByte((byte)'\n');
    }

    private static List<OutboxEntry> Read(Stream stream)
    {
        var entries = new List<OutboxEntry>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            OutboxLine? line;
            try
            {
                line = JsonSerializer.Deserialize(text, OutboxJsonContext.Default.OutboxLine);
            }
            catch (JsonException)
            {
                continue; // the last line of a process killed mid-write
            }
            if (line is null || string.IsNullOrEmpty(line.Id))
            {
                continue;
            }
            entries.RemoveAll(e => e.Id == line.Id);
            entries.Add(new OutboxEntry(0, line.Id, line.Record?.ToRecord()));
        }
        return entries;
    }
}

/// <summary>One waiting write: an upsert of <see cref="Record"/>, or a delete of <see cref="Id"/> when it is null.</summary>
public sealed record OutboxEntry(long Sequence, string Id, IncidentRecord? Record);
