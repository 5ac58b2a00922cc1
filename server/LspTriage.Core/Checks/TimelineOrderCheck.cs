using LspTriage.Core.Documents;

namespace LspTriage.Core.Checks;

/// <summary>
/// Entries must not go back in time. Entries without a date are taken to be on the date of the entry before them (or
/// the front matter's created date) and to roll over to the next day when the clock goes back by more than 12 hours,
/// so a timeline that runs past midnight is not reported.
/// </summary>
public sealed class TimelineOrderCheck : ICheck
{
    private const double HalfDayMinutes = 12 * 60;

    public CheckRule Rule => Rules.TimelineOrder;

    public IEnumerable<Finding> Run(IncidentDocument document)
    {
        foreach (var section in document.Timeline.GroupBy(e => e.SectionIndex))
        {
            DateOnly? date = CreatedDate.Read(document)?.Date is { } created ? DateOnly.FromDateTime(created) : null;
            TimeSpan? offset = null;
            double? latest = null;
            TimelineEntry? latestEntry = null;
            var dayShift = 0.0;
            foreach (var entry in section)
            {
                if (entry.Time is not { } time)
                {
                    continue;
                }
                if (time.Date is { } explicitDate)
                {
                    date = explicitDate;
                    dayShift = 0;
                }
                offset = time.Offset ?? offset;
                var key = time.SortKey(date, offset) + dayShift;
                if (latest is { } previous && time.Date is null && previous - key > HalfDayMinutes)
                {
                    dayShift += 24 * 60;
                    key += 24 * 60;
                }
                if (latest is { } last && key < last)
                {
                    yield return Rule.At(entry.TimeSpan, $"Timeline entry at {document.TextOf(entry.TimeSpan)} is earlier than the entry before it ({document.TextOf(latestEntry!.TimeSpan)}).");
                    continue;
                }
                latest = key;
                latestEntry = entry;
            }
        }
    }
}
