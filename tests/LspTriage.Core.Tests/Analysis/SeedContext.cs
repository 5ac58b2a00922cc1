using LspTriage.Tests.Shared;

namespace LspTriage.Core.Tests.Analysis;

/// <summary>
/// The raw context of the seed example (the output of the web tool LspTriage replaces), exactly as that tool showed it
/// (one line), and the lines of its generated analysis that the grounding tests need (tests/fixtures/seed).
/// </summary>
internal static class SeedContext
{
    public const string Title = "Payment service connection pool exhaustion after batch job deploy";
    public const string Service = "payment-svc";

    public const string Raw = "Time: 14:02 UTC. payment-svc p99 latency jumped from 120ms to 4.8s within ~3 minutes. Error rate climbed from 0.1% to 12% (mostly HTTP 500). Application logs (last 5min): repeated \"FATAL: sorry, too many clients already\" and \"connection refused\" from payment-svc → postgres-primary. Postgres metrics: - CPU: 35% (normal) - active_connections: 500 / 500 (max_connections) - waiting_queries: 87 - slow_query_log shows a new query running every 30s: SELECT * FROM ledger_entries WHERE status='pending' (no index on status; full table scan over ~12M rows, ~2.4s per execution) Deploy history: - 13:50 UTC — payment-svc v2.41 shipped. Changelog mentions \"added nightly settlement batch (cron: */30 * * * *)\" - No infra/DB changes in past 7 days. On-call notes (Slack): - 14:03 — CS reports failed checkout volume rising - 14:04 — Pager: PaymentSvcErrorRateHigh - 14:06 — \"DB looks healthy, CPU is fine\" (initial mis-diagnosis)";

    /// <summary>The seed's generated lines that carry the claims the grounding tests look at.</summary>
    public static string SeedOutput() => RepoPaths.Fixture(Path.Combine("seed", "analysis-excerpt.txt"));
}
