namespace LspTriage.Bench;

/// <summary>Median and p95 (nearest rank) of a set of timings in milliseconds.</summary>
internal sealed record Stats(double Median, double P95, double Min, int Count)
{
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
        return new Stats(At(0.5), At(0.95), sorted[0], sorted.Length);
    }

    public override string ToString() => $"median {Ms(Median)}, p95 {Ms(P95)}, min {Ms(Min)} (n={Count})";

    public static string Ms(double ms) => ms >= 100 ? $"{ms:F0} ms" : ms >= 10 ? $"{ms:F1} ms" : $"{ms:F2} ms";
}
