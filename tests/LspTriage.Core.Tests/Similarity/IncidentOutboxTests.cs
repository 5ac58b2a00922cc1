using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;
using LspTriage.Core.Similarity.Stores;
using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Similarity;

/// <summary>The outbox on disk: what a process leaves behind is adopted by the next one, once, and a file another
/// live process holds is left alone.</summary>
public sealed class IncidentOutboxTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IncidentRecord Record(string id, string title) =>
        new(id, title, title + " summary", "payment-svc", "2026-06-02", "SEV2", "Pool too small.", $"/h/{id}.md", ["database"])
        {
            Features = new IncidentFeatures(["connection-pool-exhaustion"], ["max_connections"]),
            Resolution = "Raised the pool.",
        };

    [Fact]
    public void What_a_closed_outbox_left_is_adopted_whole_latest_write_per_id_and_only_once()
    {
        var first = new IncidentOutbox(_folder.Path);
        first.Add([("a", Record("a", "Old title")), ("b", Record("b", "Disk full"))]);
        first.Add([("a", Record("a", "New title")), ("c", null)]);
        Assert.Equal(3, first.Count);
        first.Dispose(); // a restart with writes waiting: the file stays

        var second = new IncidentOutbox(_folder.Path);
        Assert.Equal(3, second.AdoptOrphans());
        var entries = second.Snapshot();
        Assert.Equal(["b", "a", "c"], entries.Select(e => e.Id));
        var a = entries[1].Record!;
        Assert.Equal("New title", a.Title);
        Assert.Equal(Record("a", "New title").Key, a.Key);
        Assert.Equal(["connection-pool-exhaustion"], a.Features.Signatures);
        Assert.Equal(["max_connections"], a.Features.Identifiers);
        Assert.Equal("Raised the pool.", a.Resolution);
        Assert.Equal(["database"], a.Categories);
        Assert.Null(entries[2].Record); // a delete

        Assert.Equal(0, new IncidentOutbox(_folder.Path).AdoptOrphans()); // the second one holds them now
        second.Remove(entries);
        second.Dispose();
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.jsonl"));
        Assert.Equal(0, new IncidentOutbox(_folder.Path).AdoptOrphans());
    }

    [Fact]
    public void A_live_outbox_is_not_adopted_and_a_later_write_of_the_same_id_wins_over_an_adopted_one()
    {
        var live = new IncidentOutbox(_folder.Path);
        live.Add([("x", Record("x", "Live"))]);
        var dead = new IncidentOutbox(_folder.Path);
        dead.Add([("y", Record("y", "Left behind")), ("x", Record("x", "Older, from the dead process"))]);
        dead.Dispose();

        var adopter = new IncidentOutbox(_folder.Path);
        adopter.Add([("y", Record("y", "Written after restart"))]);
        Assert.Equal(1, adopter.AdoptOrphans()); // x from the dead file; y is newer here; the live file is skipped
        Assert.Equal(["x", "y"], adopter.Snapshot().Select(e => e.Id));
        Assert.Equal("Written after restart", adopter.Snapshot()[1].Record!.Title);
        Assert.Equal(1, live.Count);
        live.Dispose();
        adopter.Dispose();
    }

    [Fact]
    public void A_line_cut_short_by_a_crash_is_skipped_and_the_rest_is_kept()
    {
        var crashed = new IncidentOutbox(_folder.Path);
        crashed.Add([("a", Record("a", "Complete"))]);
        var path = crashed.FilePath!;
        crashed.Dispose();
        File.AppendAllText(path, "{\"id\":\"b\",\"record\":{\"id\":\"b\",\"tit");

        var next = new IncidentOutbox(_folder.Path);
        Assert.Equal(1, next.AdoptOrphans());
        Assert.Equal("a", Assert.Single(next.Snapshot()).Id);
        next.Dispose();
    }
}
