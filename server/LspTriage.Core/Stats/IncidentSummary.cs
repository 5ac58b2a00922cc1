using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Timelines;

namespace LspTriage.Core.Stats;

/// <summary>What the statistics need of one incident file: its keys, its metrics and its open action items.</summary>
public sealed record IncidentSummary(
    string Path,
    string? Title,
    string? Service,
    string? Severity,
    string? Category,
    DateTimeOffset? Created,
    TimeSpan? TimeToDetect,
    TimeSpan? TimeToMitigate,
    TimeSpan? TimeToResolve,
    IReadOnlyList<Actions.OpenActionItem> OpenActions)
{
    public static IncidentSummary Of(string path, IncidentDocument document)
    {
        var metrics = IncidentMetricsReader.Read(document);
        return new IncidentSummary(
            path,
            document.Title,
            document.Service,
            document.FrontMatter["severity"]?.ToUpperInvariant(),
            document.FrontMatter["category"],
            CreatedDate.Read(document),
            metrics.TimeToDetect,
            metrics.TimeToMitigate,
            metrics.TimeToResolve,
            Actions.OpenActionItem.From(path, document).ToArray());
    }
}
