namespace LspTriage.Core.Documents;

/// <summary>A time read from a timeline entry: always a time of day, optionally a date and a UTC offset.</summary>
public sealed record TimelineTime(DateOnly? Date, TimeOnly TimeOfDay, TimeSpan? Offset)
{
    /// <summary>Minutes since midnight UTC of the given date (or of day 0 without one), for ordering.</summary>
    public double SortKey(DateOnly? assumedDate, TimeSpan? assumedOffset)
    {
        var date = Date ?? assumedDate ?? DateOnly.MinValue;
        var offset = Offset ?? assumedOffset ?? TimeSpan.Zero;
        var local = date.ToDateTime(TimeOfDay);
        return (local - offset - DateTime.MinValue).TotalMinutes;
    }
}
