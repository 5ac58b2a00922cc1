using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LspTriage.Bench;

/// <summary>
/// The benchmark document, generated at run time: byte-identical to bench/lsp-peer/generate.js (both print the
/// SHA-256), so figures from the two benchmarks describe the same text.
/// </summary>
internal static class GeneratedPostmortem
{
    private static readonly string[] Services = ["payment-svc", "search-indexer", "checkout-api", "auth-gateway", "ledger-writer", "cdn-edge", "orders-db", "notification-hub"];
    private static readonly string[] Teams = ["Payments team", "Search team", "SRE", "Platform team", "Data team"];

    public static string Generate(int lines)
    {
        var o = new List<string>(lines + 32);
        o.AddRange(["---", "service: payment-svc", "created: 2026-06-02T23:35:28Z", "severity: SEV2", "kind: postmortem", "---"]);
        o.AddRange(["# Payment service connection pool exhaustion after batch job deploy", ""]);
        foreach (var (heading, n) in new[] { ("Summary", 3), ("Impact", 3), ("Detection", 2), ("Response", 2), ("Root cause", 3) })
        {
            o.Add($"## {heading}");
            for (var i = 0; i < n; i++)
            {
                o.Add(Prose(i + heading.Length));
            }
            o.Add("");
        }
        var timelineEntries = (int)Math.Floor(lines * 0.2);
        o.Add("## Timeline");
        for (var i = 0; i < timelineEntries; i++)
        {
            var minutes = 14 * 60 + i;
            var day = 2 + minutes / 1440;
            o.Add($"- 2026-06-{D2(day)} {D2(minutes % 1440 / 60)}:{D2(minutes % 60)} UTC — {Services[i % Services.Length]} event {I(i)}: pool usage {I(i * 7 % 100)}%");
        }
        o.Add("");
        var actionItems = (int)Math.Floor(lines * 0.05);
        o.Add("## Action items");
        for (var i = 0; i < actionItems; i++)
        {
            o.Add($"- P{I(i % 5)} Follow-up {I(i)}: cap the batch job's connections on {Services[i % Services.Length]} — {Teams[i % Teams.Length]}");
        }
        o.Add("");
        o.AddRange(["## Investigation notes", ""]);
        for (var n = 1; o.Count + 16 <= lines; n++)
        {
            o.AddRange([$"### Note {I(n)}: {Services[n % Services.Length]} under load", ""]);
            o.AddRange([Prose(n), Prose(n + 1), Prose(n + 2), ""]);
            o.Add($"- Host host-{I(n)}.prod checked at {D2(n % 24)}:{D2(n % 60)} UTC");
            o.AddRange([$"- Owner of this note: {(n % 10 == 0 ? "[FILL IN]" : Teams[n % Teams.Length])}", ""]);
            o.AddRange(["```sh", $"kubectl -n prod logs deploy/{Services[n % Services.Length]} --since={I(n % 60 + 1)}m | grep -c \"pool exhausted\"", "```", ""]);
        }
        while (o.Count < lines)
        {
            o.Add(Prose(o.Count));
        }
        return string.Join('\n', o.Take(lines)) + "\n";
    }

    /// <summary>
    /// A workspace of <paramref name="files"/> distinct 120-line postmortems under ROOT/postmortems (ROOT in the temp
    /// folder, named after <paramref name="name"/> and this process); returns ROOT. The caller deletes it.
    /// </summary>
    public static async Task<string> WriteWorkspaceAsync(string name, int files)
    {
        var root = Path.Combine(Path.GetTempPath(), $"lsptriage-bench-{name}-{Environment.ProcessId}");
        var folder = Path.Combine(root, "postmortems");
        Directory.CreateDirectory(folder);
        var template = Generate(120);
        for (var i = 0; i < files; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"pm-{i:D5}.md"), template.Replace("# Payment service", $"# Incident {i}: payment service", StringComparison.Ordinal)).ConfigureAwait(false);
        }
        return root;
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // JavaScript's toFixed(1) on k/2 values (k integer) is exact, so "F1" agrees with it here.
    private static string Prose(int i) =>
        $"At step {I(i)}, {Services[i % Services.Length]} p99 latency went from {I(100 + i % 50)}ms to {(1 + i % 9 / 2.0).ToString("F1", CultureInfo.InvariantCulture)}s while the pool held {I(20 + i % 30)} of 50 connections.";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D2(int value) => value.ToString("D2", CultureInfo.InvariantCulture);
}
