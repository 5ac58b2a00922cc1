using LspTriage.Core.Timelines;

namespace LspTriage.Server.Features.Timeline;

/// <summary>How the incident's moments read in the editor: one word per moment and the duration it ends.</summary>
internal static class MetricsText
{
    public static string Label(IncidentMetrics metrics, IncidentMoment moment) => moment switch
    {
        IncidentMoment.Onset => "⏱ onset",
        IncidentMoment.Detection => $"⏱ detected{Duration(metrics.TimeToDetect, "TTD")}",
        IncidentMoment.Mitigation => $"⏱ mitigated{Duration(metrics.TimeToMitigate, "TTM")}",
        _ => $"⏱ resolved{Duration(metrics.TimeToResolve, "TTR")}",
    };

    public static string Card(IncidentMetrics metrics)
    {
        var rows = Enum.GetValues<IncidentMoment>().Select(m => metrics.Moments.TryGetValue(m, out var mark)
            ? $"| {m} | {mark.At:yyyy-MM-dd HH:mm zzz} | {Since(metrics, m)} | {mark.Reason} |"
            : $"| {m} | — | | not found |");
        return string.Join("\n", new[]
        {
            "**Incident metrics**",
            "",
            "| Moment | When | From onset | Chosen by |",
            "|---|---|---|---|",
        }.Concat(rows).Append("").Append(
            "Durations are measured from the onset. Mark an entry with `[onset]`, `[detected]`, `[mitigated]` or `[resolved]` " +
            "(or set `started:`/`detected:`/`mitigated:`/`resolved:` in the front matter) when the words chose the wrong one."));
    }

    private static string Since(IncidentMetrics metrics, IncidentMoment moment) =>
        metrics.Since(moment) is { } span ? IncidentMetrics.Short(span) : "";

    private static string Duration(TimeSpan? span, string name) => span is { } s ? $" · {name} {IncidentMetrics.Short(s)}" : "";
}
