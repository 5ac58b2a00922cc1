using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Index;

/// <summary>
/// Feature term → ids of the records filed under it (signatures, identifiers, service; see
/// <see cref="IncidentFeatures.Terms"/>): the candidate source for matches the trigram index cannot see, and the
/// document frequencies that weight shared identifiers. Not thread-safe: the embedded store guards it.
/// </summary>
internal sealed class FeatureIndex
{
    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _termsById = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static Dictionary<string, int>? _counts;

    public int Count => _termsById.Count;

    public void Upsert(IncidentRecord record)
    {
        Remove(record.Id);
        var terms = record.Features.Terms(record.Service);
        _termsById[record.Id] = terms;
        foreach (var t in terms)
        {
            if (!_postings.TryGetValue(t, out var ids))
            {
                _postings[t] = ids = new HashSet<string>(StringComparer.Ordinal);
            }
            ids.Add(record.Id);
        }
    }

    public void Remove(string id)
    {
        if (!_termsById.Remove(id, out var terms))
        {
            return;
        }
        foreach (var t in terms)
        {
            if (_postings.TryGetValue(t, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                _postings.Remove(t);
            }
        }
    }

    public void Clear()
    {
        _postings.Clear();
        _termsById.Clear();
    }

    /// <summary>Counted up to <see cref="FeatureFrequencies.CommonLimit"/> + 1, as the PostgreSQL store counts.</summary>
    public FeatureFrequencies Frequencies(IEnumerable<string> terms)
    {
        var cap = FeatureFrequencies.CommonLimit(Count) + 1;
        return new(terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => _postings.TryGetValue(t, out var ids) ? Math.Min(ids.Count, cap) : 0, StringComparer.Ordinal), Count);
    }

    /// <summary>Ids sharing the most terms with the query, common ones (<see cref="FeatureFrequencies.IsCommon"/>)
    /// left out, best first, ties by id.</summary>
    public IReadOnlyList<string> Candidates(IReadOnlyList<string> terms, int limit)
    {
        // Thousands of ids share a signature in a large history: a table that size on every lookup is a large-object
        // allocation (and, in time, a full collection) per hover. One per thread, kept.
        var counts = _counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
        counts.Clear();
        foreach (var t in terms.Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(t, out var ids) || FeatureFrequencies.IsCommon(ids.Count, Count))
            {
                continue;
            }
            foreach (var id in ids)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }
        return Best(counts, limit);
    }

    /// <summary>
    /// The <paramref name="limit"/> ids with the highest counts, ties by id: what sorting every id would give, without
    /// sorting the thousands that share one term (a signature a twentieth of a large history carries). Counts are
    /// small (terms shared), so ids are taken count by count and only the bucket that crosses the limit is selected in.
    /// </summary>
    private static string[] Best(Dictionary<string, int> counts, int limit)
    {
        var result = new List<string>(Math.Min(limit, counts.Count));
        var top = counts.Count == 0 ? 0 : counts.Values.Max();
        for (var c = top; c >= 1 && result.Count < limit; c--)
        {
            var need = limit - result.Count;
            // A max-heap of the need smallest ids seen so far (the root is the largest of them).
            var heap = new PriorityQueue<string, string>(need + 1, Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
            foreach (var (id, n) in counts)
            {
                if (n != c)
                {
                    continue;
                }
                if (heap.Count < need)
                {
                    heap.Enqueue(id, id);
                }
                else if (string.CompareOrdinal(id, heap.Peek()) < 0)
                {
                    heap.EnqueueDequeue(id, id);
                }
            }
            var bucket = new string[heap.Count];
            for (var i = bucket.Length - 1; i >= 0; i--)
            {
                bucket[i] = heap.Dequeue();
            }
            result.AddRange(bucket);
        }
        return [.. result];
    }
}
