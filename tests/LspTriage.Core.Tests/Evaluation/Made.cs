using LspTriage.Core.Analysis;
using LspTriage.Core.Analysis.Model;
using LspTriage.Core.Evaluation;

namespace LspTriage.Core.Tests.Evaluation;

/// <summary>Hand-made scenarios and analyses for the scoring tests: one good analysis that each test spoils in one place.</summary>
internal static class Made
{
    public const string Raw = """
        2026-07-01T12:04:11Z orders-api-5 ERROR db: ERROR 1040 (HY000): Too many connections
        2026-07-01T12:04:12Z orders-api-5 WARN  HikariPool-1 - Connection is not available, request timed out after 30000ms.
        mysqld on db-orders-1 reports Threads_connected 800 (max_connections=800).
        12:06 on-call: error rate on /orders is 9%, checkout still works for most users.
        """;

    public static Scenario Scenario(
        string category = "connection-pool-exhaustion",
        string[]? expectAny = null,
        string[]? expectEvidence = null,
        string severity = "SEV2",
        string[]? mustNotClaim = null,
        string raw = Raw) => new(
            "made",
            "made.md",
            "0123456789abcdef",
            new IncidentContext(raw, "orders-api errors", "orders-api"),
            category,
            expectAny ?? ["Too many connections", "connection pool"],
            expectEvidence ?? ["ERROR 1040 (HY000): Too many connections", "Threads_connected 800"],
            severity,
            mustNotClaim ?? [],
            "logs",
            AnalysisLanguage.English);

    public static Hypothesis Top { get; } = new(
        "orders-api exhausts the MySQL connection pool: every one of the 800 connections is taken",
        Confidence.High,
        ["ERROR 1040 (HY000): Too many connections", "Threads_connected 800 (max_connections=800)"],
        "Threads_connected stays well below max_connections while errors continue.",
        "connection-pool-exhaustion",
        9);

    public static IncidentAnalysis Good() => new(
        "orders-api requests fail with Too many connections from MySQL; the error rate on /orders is 9%.",
        new SeverityAssessment("SEV2", "9% of order requests fail; checkout still works for most users."),
        [Top, new Hypothesis("A traffic spike at lunch", Confidence.Low, ["error rate on /orders is 9%"], "Request rate is flat.", "traffic-spike")],
        [new ChecklistStep("See who holds the connections.", "mysql -e 'SHOW FULL PROCESSLIST'", "Most connections come from orders-api."),
         new ChecklistStep("Count errors in the log.", "grep -c 'Too many connections' orders-api.log", "The count grows.")],
        [new MitigationStep("Restart the orders-api pods with the leaking release rolled back.", "Requests in flight fail.", "Roll forward.")],
        "Up to 9% of order requests fail.",
        new PostmortemDraft("[FILL IN]", ["12:04 — first ERROR 1040"], ["9% of /orders requests failed"], "Connections used up", "[FILL IN]", "[FILL IN]", ["[FILL IN]"], ["[FILL IN]"], ["Alert on Threads_connected"]),
        [new FollowUp("P1", "Alert when Threads_connected nears max_connections", "Database team")],
        new RunInfo("test", "hand-made", "none", "en", 5, 100, 50, 0.001m, []));
}
