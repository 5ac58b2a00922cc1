using LspTriage.Core.Files;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Trigrams;

namespace LspTriage.Core.Similarity.Index;

/// <summary>
/// An in-process inverted trigram index answering "top k by pg_trgm similarity above a threshold" exactly as
/// PostgreSQL would (same trigrams, same float4 arithmetic), fast enough for 100,000 keys.
/// </summary>
/// <remarks>
/// Layout: each distinct trigram gets a dense integer id; each record lives in a slot holding its sorted trigram ids;
/// each trigram id has a postings array of slots in ascending order. Updates append a new slot and tombstone the old
/// one; postings are compacted when tombstones pass a quarter of the slots.
/// <para>Search uses the bounds that similarity ≥ θ implies for shared count c and set sizes n1, n2:
/// c ≥ θ·n1 and θ·n1 ≤ n2 ≤ n1/θ. Any record sharing c ≥ ⌈θ·n1⌉ trigrams must appear in the
/// n1 − ⌈θ·n1⌉ + 1 query trigrams with the shortest postings (prefix filtering), so only those lists are scanned,
/// counting into a reusable array with a touched list. Longer lists are then scanned for touched records only, while
/// that is cheaper than verifying the records that can still qualify (count + unscanned lists ≥ ⌈θ·n1⌉): chance
/// sharers drop out fast. Survivors are verified exactly (a read per trigram in a table marking the query's), best
/// count first, into a k-sized heap whose k-th similarity raises θ as it fills; if every list got scanned the counts
/// are exact and no verification is needed.
/// Passes start from a high guessed θ (0.8, then 0.55, then the threshold) and stop as soon as one is provably exact;
/// a pass that finds nothing at all goes straight to the threshold.</para>
/// <para>Lists a sixteenth of the records or more share also have a bitmap (<see cref="BitPlanes"/>). When a pass
/// would read more postings than counting every record exactly costs — the bitmaps added up 64 records a word, the
/// other lists read in full — the search does that instead, once, at the threshold (a query with no near neighbour:
/// its pass at the threshold reads nearly every list), and takes the records best count first until the heap's k-th
/// similarity stops it.
/// One record per id and per path.</para>
/// Thread safety: any number of concurrent searches, writers exclusive.
/// </remarks>
internal sealed class TrigramIndex
{
    private static readonly double[] Guesses = [0.8, 0.55, 0];

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<int, int> _trigramIds = [];
    private int[][] _postings = [];
    private int[] _postingLengths = [];
    // The same slots as a bitmap, for the lists a sixteenth of the slots or more share (DenseLength): a search that
    // would read them posting by posting adds them up 64 slots to a word instead (DenseSearch).
    private ulong[]?[] _bitmaps = [];

    private IncidentRecord?[] _records = new IncidentRecord?[1024];
    private int[][] _slotTrigrams = new int[1024][];
    private int _slotCount;
    private int _dead;
    private long _postingTotal;
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByPath = new(FilePaths.Comparer);
    private readonly FeatureIndex _features = new();
    private readonly ThreadLocal<Scratch> _scratch;

    public TrigramIndex()
    {
        _scratch = new ThreadLocal<Scratch>(() => new Scratch());
    }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slotById.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public IReadOnlyList<IncidentRecord> Snapshot()
    {
        _lock.EnterReadLock();
        try
        {
            return _slotById.Values.Order().Select(s => _records[s]!).ToArray();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IncidentRecord? Get(string id)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotById.TryGetValue(id, out var slot) ? _records[slot] : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Adds or replaces records (by <see cref="IncidentRecord.Id"/>). Trigram extraction runs outside the lock.</summary>
    public void Upsert(IEnumerable<IncidentRecord> records) =>
        UpsertPrepared(records.Select(r => (r, TrigramExtractor.ExtractSet(r.Key))).ToList());

    /// <summary>Adds records whose trigram sets were extracted by the caller (in parallel, during indexing).</summary>
    public void UpsertPrepared(IReadOnlyList<(IncidentRecord Record, int[] Trigrams)> prepared)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (record, trigrams) in prepared)
            {
                UpsertLocked(record, trigrams);
            }
            CompactIfNeeded();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Upsert(IncidentRecord record) => Upsert([record]);

    public bool Remove(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slotById.Remove(id, out var slot))
            {
                return false;
            }
            KillSlot(slot);
            CompactIfNeeded();
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes every record whose path is <paramref name="path"/> or lies under it (a deleted folder).</summary>
    public int RemoveByPath(string path, StringComparison comparison)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_idByPath.TryGetValue(path, out var exactId) && !Directory.Exists(path) && _slotById.Remove(exactId, out var exactSlot))
            {
                KillSlot(exactSlot);
                CompactIfNeeded();
                return 1;
            }
            var prefix = path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;
            var doomed = _slotById
                .Where(kv => _records[kv.Value]!.Path is { } p && (string.Equals(p, path, comparison) || p.StartsWith(prefix, comparison)))
                .ToList();
            foreach (var (id, slot) in doomed)
            {
                _slotById.Remove(id);
                KillSlot(slot);
            }
            CompactIfNeeded();
            return doomed.Count;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _trigramIds.Clear();
            _postings = [];
            _postingLengths = [];
            _bitmaps = [];
            _records = new IncidentRecord?[1024];
            _slotTrigrams = new int[1024][];
            _slotCount = 0;
            _dead = 0;
            _postingTotal = 0;
            _slotById.Clear();
            _idByPath.Clear();
            _features.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Records sharing feature terms with a query (see <see cref="FeatureIndex.Candidates"/>) with their
    /// similarity to <paramref name="key"/> (from the trigram sets held here), and the terms' document frequencies.</summary>
    public (IReadOnlyList<SimilarIncident> Hits, Matching.FeatureFrequencies Frequencies) ByFeatures(string key, IReadOnlyList<string> terms, int limit, Func<IncidentRecord, bool>? exclude)
    {
        var query = TrigramExtractor.ExtractSet(key);
        _lock.EnterReadLock();
        try
        {
            var sortedIds = DenseIdsLocked(query);
            var hits = new List<SimilarIncident>(limit);
            foreach (var id in _features.Candidates(terms, limit + 1))
            {
                if (hits.Count == limit)
                {
                    break;
                }
                if (!_slotById.TryGetValue(id, out var slot) || _records[slot] is not { } record || exclude?.Invoke(record) == true)
                {
                    continue;
                }
                var set = _slotTrigrams[slot];
                hits.Add(new SimilarIncident(record, TrigramSet.Similarity(TrigramSet.CountShared(sortedIds, set), query.Length, set.Length)));
            }
            return (hits, _features.Frequencies(terms));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The query's trigrams as the dense ids of this index, sorted; trigrams it has never seen can only add to n1.</summary>
    private int[] DenseIdsLocked(int[] query)
    {
        var ids = new List<int>(query.Length);
        foreach (var t in query)
        {
            if (_trigramIds.TryGetValue(t, out var id))
            {
                ids.Add(id);
            }
        }
        ids.Sort();
        return [.. ids];
    }

    /// <summary>Top <paramref name="k"/> records by similarity ≥ <paramref name="threshold"/>, best first, ties by id.</summary>
    public IReadOnlyList<SimilarIncident> Search(string key, int k, double threshold, Func<IncidentRecord, bool>? exclude = null)
    {
        if (k <= 0)
        {
            return [];
        }
        var query = TrigramExtractor.ExtractSet(key);
        _lock.EnterReadLock();
        try
        {
            if (threshold <= 0 || query.Length == 0)
            {
                return BruteForceLocked(query, k, threshold, exclude);
            }
            var scratch = _scratch.Value!;
            scratch.EnsureSlots(_slotCount);
            // Map the query to dense ids; trigrams the index has never seen can only add to n1.
            var ids = new List<int>(query.Length);
            foreach (var t in query)
            {
                if (_trigramIds.TryGetValue(t, out var id))
                {
                    ids.Add(id);
                }
            }
            var byLength = ids.ToArray();
            Array.Sort(byLength, (a, b) => _postingLengths[a].CompareTo(_postingLengths[b]));
            scratch.Mark(byLength, _trigramIds.Count);

            // Guess high first: most searches have near neighbours, and a high θ means a short prefix. A pass at θ is
            // exact for everything ≥ θ, so once k results reach θ we are done; with k results below it, one more pass
            // at the k-th similarity is exact.
            // A pass that finds nothing at all, not even below its θ, says there are no near neighbours: the middle
            // guesses would be passes for nothing, so the next one is the threshold's.
            var heap = new TopK(k);
            try
            {
                var denseCost = DenseSearchCost(byLength);
                for (var g = 0; g < Guesses.Length; g++)
                {
                    var theta = Math.Max(threshold, Guesses[g]);
                    heap.Clear();
                    if (PrefixCost(byLength, query.Length, theta) > denseCost)
                    {
                        // Reading this pass's lists would cost more than counting every record exactly: do that, once.
                        DenseSearch(scratch, query.Length, byLength, threshold, heap, exclude);
                        break;
                    }
                    SearchPass(scratch, query.Length, byLength, theta, threshold, heap, exclude);
                    if (theta <= threshold || (heap.IsFull && heap.MinSimilarity >= theta))
                    {
                        break;
                    }
                    if (heap.IsFull)
                    {
                        var exact = Math.Max(threshold, heap.MinSimilarity);
                        heap.Clear();
                        if (PrefixCost(byLength, query.Length, exact) > denseCost)
                        {
                            DenseSearch(scratch, query.Length, byLength, threshold, heap, exclude);
                        }
                        else
                        {
                            SearchPass(scratch, query.Length, byLength, exact, threshold, heap, exclude);
                        }
                        break;
                    }
                    if (heap.Count == 0)
                    {
                        g = Math.Max(g, Guesses.Length - 2);
                    }
                }
            }
            finally
            {
                scratch.Unmark(byLength);
            }
            return heap.ToSortedList(_records);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every live record scored one by one: the reference the index must equal (tests, tiny indexes).</summary>
    public IReadOnlyList<SimilarIncident> BruteForce(string key, int k, double threshold, Func<IncidentRecord, bool>? exclude = null)
    {
        var query = TrigramExtractor.ExtractSet(key);
        _lock.EnterReadLock();
        try
        {
            return BruteForceLocked(query, k, threshold, exclude);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private IReadOnlyList<SimilarIncident> BruteForceLocked(int[] query, int k, double threshold, Func<IncidentRecord, bool>? exclude)
    {
        var sortedIds = DenseIdsLocked(query);
        var heap = new TopK(k);
        foreach (var slot in _slotById.Values)
        {
            var record = _records[slot]!;
            if (exclude?.Invoke(record) == true)
            {
                continue;
            }
            var set = _slotTrigrams[slot];
            var sim = TrigramSet.Similarity(TrigramSet.CountShared(sortedIds, set), query.Length, set.Length);
            if (sim >= threshold)
            {
                heap.Offer(slot, sim, record.Id);
            }
        }
        return heap.ToSortedList(_records);
    }

    private void SearchPass(Scratch scratch, int n1, int[] byLength, double theta, double threshold, TopK heap, Func<IncidentRecord, bool>? exclude)
    {
        var minOverlap = MinOverlap(theta, n1);
        // A record sharing c ≥ minOverlap of the L known query trigrams appears in at least one of any L − minOverlap + 1 of them.
        var prefix = byLength.Length - minOverlap + 1;
        if (prefix <= 0)
        {
            return;
        }
        var counts = scratch.Counts;
        var touched = scratch.Touched;
        touched.Clear();
        for (var i = 0; i < prefix; i++)
        {
            var list = _postings[byLength[i]];
            var len = _postingLengths[byLength[i]];
            for (var j = 0; j < len; j++)
            {
                var slot = list[j];
                if (counts[slot]++ == 0)
                {
                    touched.Add(slot);
                }
            }
        }
        try
        {
            // Candidates also need their count over the remaining, longer lists. Keep scanning them in chunks
            // (counting only slots already touched: no new record can qualify) while each chunk prunes: every list
            // scanned raises the bar count + unscanned ≥ minOverlap, and records sharing a few trigrams by chance drop
            // out fast. Stop when verifying the survivors is cheaper than another chunk, or when pruning stalls (the
            // survivors are real neighbours); then either verify them or, if cheaper, scan the rest for exact counts.
            // A random increment costs about two reads of a verification.
            var averageSet = _slotCount == 0 ? 0 : _postingTotal / _slotCount;
            long rest = 0;
            for (var i = prefix; i < byLength.Length; i++)
            {
                rest += _postingLengths[byLength[i]];
            }
            var scanned = prefix;
            var previousSurvivors = int.MaxValue;
            while (scanned < byLength.Length)
            {
                var survivors = CountSurvivors(counts, touched, minOverlap - (byLength.Length - scanned));
                var verifyCost = (long)survivors * averageSet / 2;
                long chunkEnd = scanned, chunkCost = 0;
                while (chunkEnd < byLength.Length && chunkCost < touched.Count)
                {
                    chunkCost += _postingLengths[byLength[chunkEnd++]];
                }
                if (verifyCost <= chunkCost)
                {
                    break;
                }
                if (survivors > previousSurvivors * 0.8)
                {
                    if (rest < verifyCost)
                    {
                        CountRemaining(counts, byLength, scanned, byLength.Length);
                        scanned = byLength.Length;
                    }
                    break;
                }
                previousSurvivors = survivors;
                CountRemaining(counts, byLength, scanned, (int)chunkEnd);
                scanned = (int)chunkEnd;
                rest -= chunkCost;
            }
            if (scanned == byLength.Length)
            {
                // Every count is exact: similarity is O(1) per record.
                foreach (var slot in touched)
                {
                    var record = _records[slot];
                    if (record is null)
                    {
                        continue;
                    }
                    var sim = TrigramSet.Similarity(counts[slot], n1, _slotTrigrams[slot].Length);
                    if (sim >= threshold && (!heap.IsFull || sim >= heap.MinSimilarity) && exclude?.Invoke(record) != true)
                    {
                        heap.Offer(slot, sim, record.Id);
                    }
                }
                return;
            }
            VerifyExactly(scratch, counts, touched, n1, byLength.Length - scanned, minOverlap, theta, threshold, heap, exclude);
        }
        finally
        {
            foreach (var slot in touched)
            {
                counts[slot] = 0;
            }
        }
    }

    /// <summary>Postings a pass at θ reads before any pruning: its prefix lists.</summary>
    private long PrefixCost(int[] byLength, int n1, double theta)
    {
        var prefix = byLength.Length - MinOverlap(theta, n1) + 1;
        long cost = 0;
        for (var i = 0; i < prefix; i++)
        {
            cost += _postingLengths[byLength[i]];
        }
        return cost;
    }

    /// <summary>
    /// What <see cref="DenseSearch"/> costs, in posting increments: the query's lists without a bitmap read in full,
    /// and its bitmaps added up and every record's count read back, word operations that run about four to an
    /// increment (a random write; measured: a quarter to an eighth give the same times, a half or a sixteenth worse).
    /// </summary>
    private long DenseSearchCost(int[] byLength)
    {
        long sparse = 0;
        var dense = 0;
        foreach (var id in byLength)
        {
            if (_bitmaps[id] is null)
            {
                sparse += _postingLengths[id];
            }
            else
            {
                dense++;
            }
        }
        if (dense == 0)
        {
            return long.MaxValue;
        }
        var words = (long)(_slotCount + 63) >> 6;
        var planes = BitPlanes.Count(dense);
        return sparse + (((dense * words * 2) + ((long)_slotCount * planes)) / 4);
    }

    /// <summary>
    /// Exact counts for every record in one go: the lists without a bitmap counted posting by posting, the bitmaps
    /// added up in bit planes (64 slots a word), a record's count being the two together. Exact at the threshold with
    /// no guessed θ and no verification.
    /// </summary>
    private void DenseSearch(Scratch scratch, int n1, int[] byLength, double threshold, TopK heap, Func<IncidentRecord, bool>? exclude)
    {
        var dense = 0;
        foreach (var id in byLength)
        {
            dense += _bitmaps[id] is null ? 0 : 1;
        }
        var planeCount = BitPlanes.Count(dense);
        var words = (_slotCount + 63) >> 6;
        var planes = scratch.Planes(words * planeCount);
        var counts = scratch.Counts;
        var touched = scratch.Touched;
        touched.Clear();
        foreach (var id in byLength)
        {
            if (_bitmaps[id] is { } bitmap)
            {
                BitPlanes.Add(planes, planeCount, words, bitmap);
                continue;
            }
            var list = _postings[id];
            var len = _postingLengths[id];
            for (var j = 0; j < len; j++)
            {
                var slot = list[j];
                if (counts[slot]++ == 0)
                {
                    touched.Add(slot);
                }
            }
        }
        try
        {
            // Every record's shared count is now known: take them best count first (a counting sort), so the heap
            // fills with the best matches early and its k-th similarity stops the walk (similarity ≤ shared / n1).
            var minOverlap = MinOverlap(threshold, n1);
            var found = scratch.Found;
            found.Clear();
            foreach (var slot in touched)
            {
                var shared = counts[slot] + BitPlanes.Value(planes, planeCount, slot);
                if (shared >= minOverlap)
                {
                    found.Add(((long)shared << 32) | (uint)slot);
                }
            }
            if (dense >= minOverlap)
            {
                // Records no sparse list holds can still reach the threshold on the bitmaps alone.
                for (var w = 0; w < words; w++)
                {
                    var bits = BitPlanes.AtLeast(planes, w * planeCount, planeCount, minOverlap);
                    while (bits != 0)
                    {
                        var slot = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        if (counts[slot] == 0)
                        {
                            found.Add(((long)BitPlanes.Value(planes, planeCount, slot) << 32) | (uint)slot);
                        }
                    }
                }
            }
            var order = scratch.ByCountDescending(found, n1);
            foreach (var packed in order)
            {
                var shared = (int)(packed >> 32);
                if (heap.IsFull && shared < MinOverlap(Math.Max(threshold, heap.MinSimilarity), n1))
                {
                    break;
                }
                var slot = (int)(packed & 0xFFFFFFFF);
                if (_records[slot] is not { } record)
                {
                    continue;
                }
                var sim = TrigramSet.Similarity(shared, n1, _slotTrigrams[slot].Length);
                if (sim >= threshold && (!heap.IsFull || sim >= heap.MinSimilarity) && exclude?.Invoke(record) != true)
                {
                    heap.Offer(slot, sim, record.Id);
                }
            }
        }
        finally
        {
            foreach (var slot in touched)
            {
                counts[slot] = 0;
            }
        }
    }

    private static int DenseLength(int slots) => Math.Max(MinDenseLength, slots / 16);

    // Below this a list is short enough to read posting by posting whatever the index's size.
    private const int MinDenseLength = 256;

    private static int CountSurvivors(int[] counts, List<int> touched, int atLeast)
    {
        if (atLeast <= 1)
        {
            return touched.Count;
        }
        var n = 0;
        foreach (var slot in touched)
        {
            if (counts[slot] >= atLeast)
            {
                n++;
            }
        }
        return n;
    }

    private void CountRemaining(int[] counts, int[] byLength, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var list = _postings[byLength[i]];
            var len = _postingLengths[byLength[i]];
            for (var j = 0; j < len; j++)
            {
                ref var c = ref counts[list[j]];
                if (c != 0)
                {
                    c++;
                }
            }
        }
    }

    private void VerifyExactly(Scratch scratch, int[] counts, List<int> touched, int n1, int unscanned, int minOverlap, double theta, double threshold, TopK heap, Func<IncidentRecord, bool>? exclude)
    {
        // Best prefix count first: the heap fills with strong matches early and its k-th similarity prunes the tail.
        var candidates = scratch.Candidates;
        candidates.Clear();
        var atLeast = minOverlap - unscanned;
        foreach (var slot in touched)
        {
            if (counts[slot] >= atLeast && _records[slot] is not null)
            {
                candidates.Add(((long)counts[slot] << 32) | (uint)slot);
            }
        }
        candidates.Sort();
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            var packed = candidates[c];
            var prefixCount = (int)(packed >> 32);
            var slot = (int)(packed & 0xFFFFFFFF);
            // A pass only promises completeness at or above θ (lower finds are a bonus), so θ prunes from the start.
            var bound = heap.IsFull ? Math.Max(theta, heap.MinSimilarity) : theta;
            var need = MinOverlap(bound, n1);
            if (prefixCount + unscanned < need)
            {
                break; // Sorted by prefix count: no later candidate can do better.
            }
            var trigrams = _slotTrigrams[slot];
            var n2 = trigrams.Length;
            // Similarity ≥ bound needs θ·n1 ≤ n2 ≤ n1/θ (with slack for float rounding; the exact test follows).
            if (n2 < (bound * n1 * 0.999999) - 1 || n2 > (n1 / bound * 1.000001) + 1)
            {
                continue;
            }
            var record = _records[slot]!;
            if (exclude?.Invoke(record) == true)
            {
                continue;
            }
            var shared = scratch.CountMarked(trigrams);
            var sim = TrigramSet.Similarity(shared, n1, n2);
            if (sim >= threshold)
            {
                heap.Offer(slot, sim, record.Id);
            }
        }
    }

    // Smallest shared count c for which c / (n1 + n2 - c) can reach θ; loosened by a relative 1e-6 so that float4
    // rounding up to the threshold is never pruned (the exact float test decides).
    private static int MinOverlap(double theta, int n1) => Math.Max(1, (int)Math.Ceiling((theta * n1 * (1 - 1e-6)) - 1e-9));

    private void UpsertLocked(IncidentRecord record, int[] trigrams)
    {
        if (_slotById.TryGetValue(record.Id, out var old))
        {
            KillSlot(old);
        }
        // One record per file: a path re-read under another id (its front matter id changed) replaces the old one.
        if (record.Path is { } path && _idByPath.TryGetValue(path, out var previousId) && previousId != record.Id &&
            _slotById.Remove(previousId, out var previousSlot))
        {
            KillSlot(previousSlot);
        }
        _features.Upsert(record);
        var slot = _slotCount++;
        if (slot == _records.Length)
        {
            Array.Resize(ref _records, slot * 2);
            Array.Resize(ref _slotTrigrams, slot * 2);
        }
        var ids = new int[trigrams.Length];
        for (var i = 0; i < trigrams.Length; i++)
        {
            if (!_trigramIds.TryGetValue(trigrams[i], out var id))
            {
                id = _trigramIds.Count;
                _trigramIds[trigrams[i]] = id;
                if (id == _postings.Length)
                {
                    var size = Math.Max(1024, id * 2);
                    Array.Resize(ref _postings, size);
                    Array.Resize(ref _postingLengths, size);
                    Array.Resize(ref _bitmaps, size);
                }
                _postings[id] = new int[4];
            }
            ids[i] = id;
            ref var list = ref _postings[id];
            ref var len = ref _postingLengths[id];
            if (len == list.Length)
            {
                Array.Resize(ref list, len * 2);
            }
            list[len++] = slot;
            if (_bitmaps[id] is not null)
            {
                BitPlanes.Set(ref _bitmaps[id]!, slot);
            }
            else if (len >= DenseLength(_slotCount))
            {
                _bitmaps[id] = BitPlanes.Of(list, len);
            }
        }
        Array.Sort(ids);
        _postingTotal += ids.Length;
        _records[slot] = record;
        _slotTrigrams[slot] = ids;
        _slotById[record.Id] = slot;
        if (record.Path is not null)
        {
            _idByPath[record.Path] = record.Id;
        }
    }

    private void KillSlot(int slot)
    {
        if (_records[slot] is { } dying)
        {
            _features.Remove(dying.Id);
        }
        if (_records[slot]?.Path is { } path && _idByPath.TryGetValue(path, out var id) && id == _records[slot]!.Id)
        {
            _idByPath.Remove(path);
        }
        _records[slot] = null;
        _dead++;
    }

    private void CompactIfNeeded()
    {
        if (_dead < 256 || _dead * 4 < _slotCount)
        {
            return;
        }
        // Renumber live slots densely and rebuild postings in slot order.
        var map = new int[_slotCount];
        var next = 0;
        for (var s = 0; s < _slotCount; s++)
        {
            if (_records[s] is null)
            {
                map[s] = -1;
                continue;
            }
            map[s] = next;
            _records[next] = _records[s];
            _slotTrigrams[next] = _slotTrigrams[s];
            next++;
        }
        for (var s = next; s < _slotCount; s++)
        {
            _records[s] = null;
            _slotTrigrams[s] = null!;
        }
        _postingTotal = 0;
        for (var t = 0; t < _trigramIds.Count; t++)
        {
            var list = _postings[t];
            var len = _postingLengths[t];
            var w = 0;
            for (var j = 0; j < len; j++)
            {
                var m = map[list[j]];
                if (m >= 0)
                {
                    list[w++] = m;
                }
            }
            _postingLengths[t] = w;
            _bitmaps[t] = w >= DenseLength(next) ? BitPlanes.Of(list, w) : null;
            _postingTotal += w;
        }
        foreach (var id in _slotById.Keys.ToList())
        {
            _slotById[id] = map[_slotById[id]];
        }
        _slotCount = next;
        _dead = 0;
    }

    /// <summary>Per-thread buffers reused across searches: counts indexed by slot, the slots touched, candidates.</summary>
    private sealed class Scratch
    {
        public int[] Counts { get; private set; } = new int[1024];

        public List<int> Touched { get; } = new(1024);

        public List<long> Candidates { get; } = new(1024);

        // One byte per trigram id, 1 for the query's: a record's shared count is then one read per trigram it holds,
        // about a third of the time of merging two sorted arrays.
        private byte[] _marks = new byte[1024];

        public void Mark(int[] queryIds, int trigramCount)
        {
            if (_marks.Length < trigramCount)
            {
                _marks = new byte[Math.Max(trigramCount, _marks.Length * 2)];
            }
            foreach (var id in queryIds)
            {
                _marks[id] = 1;
            }
        }

        public void Unmark(int[] queryIds)
        {
            foreach (var id in queryIds)
            {
                _marks[id] = 0;
            }
        }

        public int CountMarked(int[] trigrams)
        {
            var marks = _marks;
            var count = 0;
            foreach (var id in trigrams)
            {
                count += marks[id];
            }
            return count;
        }

        private ulong[] _planes = new ulong[256];

        private long[] _sorted = new long[1024];
        private int[] _buckets = new int[256];

        /// <summary>Records found by a dense search, as (shared count &lt;&lt; 32 | slot).</summary>
        public List<long> Found { get; } = new(1024);

        /// <summary><paramref name="found"/> ordered by shared count, highest first (a counting sort: counts are at most <paramref name="maxCount"/>).</summary>
        public ReadOnlySpan<long> ByCountDescending(List<long> found, int maxCount)
        {
            if (_buckets.Length < maxCount + 2)
            {
                _buckets = new int[maxCount + 2];
            }
            if (_sorted.Length < found.Count)
            {
                _sorted = new long[Math.Max(found.Count, _sorted.Length * 2)];
            }
            var buckets = _buckets;
            Array.Clear(buckets, 0, maxCount + 2);
            foreach (var packed in found)
            {
                buckets[maxCount - (int)(packed >> 32)]++;
            }
            var at = 0;
            for (var b = 0; b <= maxCount; b++)
            {
                (buckets[b], at) = (at, at + buckets[b]);
            }
            foreach (var packed in found)
            {
                _sorted[buckets[maxCount - (int)(packed >> 32)]++] = packed;
            }
            return _sorted.AsSpan(0, found.Count);
        }

        /// <summary>Zeroed bit planes of at least <paramref name="length"/> words.</summary>
        public ulong[] Planes(int length)
        {
            if (_planes.Length < length)
            {
                _planes = new ulong[Math.Max(length, _planes.Length * 2)];
            }
            Array.Clear(_planes, 0, length);
            return _planes;
        }

        public void EnsureSlots(int slots)
        {
            if (Counts.Length < slots)
            {
                Counts = new int[Math.Max(slots, Counts.Length * 2)];
            }
        }
    }

    /// <summary>A min-heap of the k best (similarity desc, id asc) seen so far.</summary>
    private sealed class TopK(int k)
    {
        private readonly List<(int Slot, float Sim, string Id)> _items = new(k + 1);

        public bool IsFull => _items.Count >= k;

        public int Count => _items.Count;

        public float MinSimilarity => _items.Count == 0 ? 0f : _items[0].Sim;

        public void Clear() => _items.Clear();

        public void Offer(int slot, float sim, string id)
        {
            if (_items.Count < k)
            {
                _items.Add((slot, sim, id));
                SiftUp(_items.Count - 1);
            }
            else if (Worse(_items[0], (slot, sim, id)))
            {
                _items[0] = (slot, sim, id);
                SiftDown(0);
            }
        }

        public IReadOnlyList<SimilarIncident> ToSortedList(IncidentRecord?[] records) =>
            _items.OrderByDescending(i => i.Sim).ThenBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => new SimilarIncident(records[i.Slot]!, i.Sim)).ToArray();

        // True when a ranks below b.
        private static bool Worse((int Slot, float Sim, string Id) a, (int Slot, float Sim, string Id) b) =>
            a.Sim < b.Sim || (a.Sim == b.Sim && string.CompareOrdinal(a.Id, b.Id) > 0);

        private void SiftUp(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Worse(_items[i], _items[parent]))
                {
                    break;
                }
                (_items[i], _items[parent]) = (_items[parent], _items[i]);
                i = parent;
            }
        }

        private void SiftDown(int i)
        {
            while (true)
            {
                int l = (2 * i) + 1, r = l + 1, m = i;
                if (l < _items.Count && Worse(_items[l], _items[m]))
                {
                    m = l;
                }
                if (r < _items.Count && Worse(_items[r], _items[m]))
                {
                    m = r;
                }
                if (m == i)
                {
                    return;
                }
                (_items[i], _items[m]) = (_items[m], _items[i]);
                i = m;
            }
        }
    }
}
