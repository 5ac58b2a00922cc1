namespace LspTriage.Core.Similarity.Embeddings;

/// <summary>The few vector operations the embeddings need: L2 normalisation, cosine, and the check that a provider's
/// answer is usable.</summary>
public static class VectorMath
{
    /// <summary>Scales <paramref name="v"/> to unit length in place; a zero vector stays zero.</summary>
    public static float[] Normalize(float[] v)
    {
        double sum = 0;
        foreach (var x in v)
        {
            sum += (double)x * x;
        }
        if (sum > 0)
        {
            var scale = (float)(1 / Math.Sqrt(sum));
            for (var i = 0; i < v.Length; i++)
            {
                v[i] *= scale;
            }
        }
        return v;
    }

    /// <summary>Cosine similarity in -1..1; 0 when the lengths differ or either is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : Math.Clamp(dot / Math.Sqrt(na * nb), -1, 1);
    }

    /// <summary>Null when the vectors are usable (one per text, same non-zero length, finite, not all zero); else why not.</summary>
    public static string? Problem(IReadOnlyList<float[]> vectors, int expected)
    {
        if (vectors.Count != expected)
        {
            return $"{vectors.Count} vector(s) for {expected} text(s)";
        }
        var dimension = vectors.Count > 0 ? vectors[0].Length : 0;
        foreach (var v in vectors)
        {
            if (v.Length == 0 || v.Length != dimension)
            {
                return "vectors of different or zero length";
            }
            var zero = true;
            foreach (var x in v)
            {
                if (!float.IsFinite(x))
                {
                    return "a vector holds NaN or infinity";
                }
                zero &= x == 0;
            }
            if (zero)
            {
                return "a vector is all zeros";
            }
        }
        return null;
    }
}
