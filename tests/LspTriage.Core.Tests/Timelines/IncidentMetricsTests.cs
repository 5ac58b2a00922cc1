using LspTriage.Core.Documents;
using LspTriage.Core.Timelines;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Timelines;

public sealed class IncidentMetricsTests
{
    [Fact]
    public void Sample_postmortem_onset_is_the_first_errors_not_the_deploy_before_them()
    {
        var doc = IncidentDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SamplesRoot, "history", "2025-03-11-payment-pool-exhausted.md")));
        var metrics = IncidentMetricsReader.Read(doc);

        Assert.StartsWith("15:05 UTC", metrics.Moments[IncidentMoment.Onset].Entry!.Text);
        Assert.StartsWith("15:07 UTC", metrics.Moments[IncidentMoment.Detection].Entry!.Text);
        Assert.StartsWith("15:30 UTC", metrics.Moments[IncidentMoment.Mitigation].Entry!.Text);
        Assert.Equal(TimeSpan.FromMinutes(2), metrics.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(25), metrics.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(31), metrics.TimeToResolve);
    }

    [Fact]
    public void Chinese_timeline_falls_back_to_the_first_entry_for_the_onset()
    {
        var doc = IncidentDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "2026-03-08-order-cache-stampede.zh.md")));
        var metrics = IncidentMetricsReader.Read(doc);

        Assert.Equal("first entry", metrics.Moments[IncidentMoment.Onset].Reason);
        Assert.Equal(TimeSpan.FromMinutes(3), metrics.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(12), metrics.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(30), metrics.TimeToResolve);
    }

    [Fact]
    public void Markers_and_front_matter_override_words_and_midnight_is_crossed()
    {
        var doc = IncidentDocument.Parse("""
            ---
            created: 2026-06-02T23:00:00Z
            resolved: 2026-06-03T02:15:00Z
            kind: postmortem
            ---
            # Night
            ## Timeline
            - 23:40 UTC — disk usage alert on db-3 (ignored, known flapping)
            - 23:50 UTC — writes start failing on db-3 [onset]
            - 00:20 UTC — customer reports checkout errors [detected]
            - 00:45 UTC — failed over to db-4
            - 01:10 UTC — error rate back to normal
            """);
        var metrics = IncidentMetricsReader.Read(doc);

        Assert.Equal("marked", metrics.Moments[IncidentMoment.Onset].Reason);
        Assert.Equal(TimeSpan.FromMinutes(30), metrics.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(55), metrics.TimeToMitigate);
        Assert.Equal(new TimeSpan(2, 25, 0), metrics.TimeToResolve);
        Assert.Null(metrics.Moments[IncidentMoment.Resolution].Entry);
    }

    [Fact]
    public void A_timeline_without_readable_times_has_no_metrics()
    {
        var doc = IncidentDocument.Parse("---\nkind: postmortem\n---\n# X\n## Timeline\n- [FILL IN] alert fired\n- later: resolved\n");
        var metrics = IncidentMetricsReader.Read(doc);
        Assert.Empty(metrics.Moments);
        Assert.Null(metrics.TimeToResolve);
    }
}
