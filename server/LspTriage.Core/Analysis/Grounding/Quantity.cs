using System.Globalization;

namespace LspTriage.Core.Analysis.Grounding;

/// <summary>A number with its dimension, in a canonical unit: durations in ms, sizes in bytes, percentages, counts.</summary>
internal readonly record struct Quantity(string Dimension, double Value)
{
    public static Quantity? Parse(string number, string unit)
    {
        if (!double.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            return null;
        }
        var u = unit.Trim();
        return u switch
        {
            "" => new Quantity("", v),
            "%" => new Quantity("%", v),
            "ms" => new Quantity("time", v),
            "s" or "sec" or "secs" or "second" or "seconds" or "秒" => new Quantity("time", v * 1000),
            "m" or "min" or "mins" or "minute" or "minutes" or "分钟" => new Quantity("time", v * 60_000),
            "h" or "hr" or "hrs" or "hour" or "hours" or "小时" => new Quantity("time", v * 3_600_000),
            "d" or "day" or "days" or "天" => new Quantity("time", v * 86_400_000),
            "k" or "K" => new Quantity("", v * 1_000),
            "M" => new Quantity("", v * 1_000_000),
            "KB" or "KiB" or "Ki" => new Quantity("bytes", v * 1024),
            "MB" or "MiB" or "Mi" => new Quantity("bytes", v * 1024 * 1024),
            "GB" or "GiB" or "Gi" => new Quantity("bytes", v * 1024 * 1024 * 1024),
            "TB" or "TiB" or "Ti" => new Quantity("bytes", v * 1024d * 1024 * 1024 * 1024),
            _ => new Quantity(u.ToLowerInvariant(), v),
        };
    }

    public bool SameAs(Quantity other) => Math.Abs(Value - other.Value) <= Math.Max(1e-9, Math.Abs(Value) * 1e-9);
}
