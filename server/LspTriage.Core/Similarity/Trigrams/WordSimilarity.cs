namespace LspTriage.Core.Similarity.Trigrams;

/// <summary>
/// pg_trgm's <c>word_similarity(a, b)</c> (trgm_op.c, calc_word_similarity and iterate_word_similarity): the greatest
/// similarity between the trigram set of <c>a</c> and any contiguous extent of <c>b</c>'s trigrams in text order, with
/// the same greedy lower-bound search, so results agree with the server to the last bit.
/// </summary>
internal static class WordSimilarity
{
    public static float Compute(string needle, string haystack, double? checkOnlyThreshold = null)
    {
        var t1 = new List<int>();
        TrigramExtractor.AppendAll(needle, t1);
        var t2 = new List<int>();
        TrigramExtractor.AppendAll(haystack, t2);

        // Number the distinct trigrams of both strings; found[id] marks those present in the needle.
        var ids = new Dictionary<int, int>(t1.Count + t2.Count);
        var found = new List<bool>();
        foreach (var t in t1)
        {
            if (!ids.TryGetValue(t, out var id))
            {
                ids[t] = found.Count;
                found.Add(true);
            }
        }
        var ulen1 = found.Count;
        var trg2Indexes = new int[t2.Count];
        for (var i = 0; i < t2.Count; i++)
        {
            if (!ids.TryGetValue(t2[i], out var id))
            {
                id = found.Count;
                ids[t2[i]] = id;
                found.Add(false);
            }
            trg2Indexes[i] = id;
        }
        return Iterate(trg2Indexes, found.ToArray(), ulen1, checkOnlyThreshold);
    }

    private static float Iterate(int[] trg2Indexes, bool[] found, int ulen1, double? checkOnlyThreshold)
    {
        var checkOnly = checkOnlyThreshold is not null;
        var threshold = checkOnlyThreshold ?? 0;
        var lastPos = new int[found.Length];
        Array.Fill(lastPos, -1);
        int ulen2 = 0, count = 0, upper, lower = -1;
        float smlrMax = 0f;
        for (var i = 0; i < trg2Indexes.Length; i++)
        {
            var trgIndex = trg2Indexes[i];
            if (lower >= 0 || found[trgIndex])
            {
                if (lastPos[trgIndex] < 0)
                {
                    ulen2++;
                    if (found[trgIndex])
                    {
                        count++;
                    }
                }
                lastPos[trgIndex] = i;
            }

            if (!found[trgIndex])
            {
                continue;
            }

            upper = i;
            if (lower == -1)
            {
                lower = i;
                ulen2 = 1;
            }
            var smlrCur = TrigramSet.Similarity(count, ulen1, ulen2);

            // Try moving the lower bound right for a greater similarity.
            var tmpCount = count;
            var tmpUlen2 = ulen2;
            var prevLower = lower;
            for (var tmpLower = lower; tmpLower <= upper; tmpLower++)
            {
                var smlrTmp = TrigramSet.Similarity(tmpCount, ulen1, tmpUlen2);
                if (smlrTmp > smlrCur)
                {
                    smlrCur = smlrTmp;
                    ulen2 = tmpUlen2;
                    lower = tmpLower;
                    count = tmpCount;
                }
                if (checkOnly && smlrCur >= threshold)
                {
                    break;
                }
                var tmpTrgIndex = trg2Indexes[tmpLower];
                if (lastPos[tmpTrgIndex] == tmpLower)
                {
                    tmpUlen2--;
                    if (found[tmpTrgIndex])
                    {
                        tmpCount--;
                    }
                }
            }

            smlrMax = Math.Max(smlrMax, smlrCur);
            if (checkOnly && smlrMax >= threshold)
            {
                break;
            }

            for (var tmpLower = prevLower; tmpLower < lower; tmpLower++)
            {
                var tmpTrgIndex = trg2Indexes[tmpLower];
                if (lastPos[tmpTrgIndex] == tmpLower)
                {
                    lastPos[tmpTrgIndex] = -1;
                }
            }
        }
        return smlrMax;
    }
}
