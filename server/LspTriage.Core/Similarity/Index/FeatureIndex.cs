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
    // Terms carried by more than this share of records (a service every incident names) find nothing worth ranking
    // and would make every lookup walk most of the index.
    private const double CommonShare = 0.2;

    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _termsById = new(StringComparer.Ordinal);

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

    public FeatureFrequencies Frequencies(IEnumerable<string> terms) =>
        new(terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => _postings.TryGetValue(t, out var ids) ? ids.Count : 0, StringComparer.Ordinal), Count);

    /// <summary>Ids sharing the most (uncommon) terms with the query, best first, ties by id.</summary>
    public IReadOnlyList<string> Candidates(IReadOnlyList<string> terms, int limit)
    {
        var common = Math.Max(200, (int)(Count * CommonShare));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in terms.Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(t, out var ids) || ids.Count > common)
            {
                continue;
            }
            foreach (var id in ids)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(limit).Select(kv => kv.Key).ToArray();
    }
}
