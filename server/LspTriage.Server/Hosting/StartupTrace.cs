using System.Diagnostics;

namespace LspTriage.Server.Hosting;

/// <summary>
/// With <c>LSPTRIAGE_STARTUP_TRACE=1</c>, writes to stderr how long after the process started each start-up step was
/// reached (<c>lsptriage startup: 123.4 ms initialize received</c>); otherwise does nothing. For measuring where
/// <c>initialize</c>'s time goes (bench/RESULTS.md), not a log.
/// </summary>
public static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("LSPTRIAGE_STARTUP_TRACE") == "1";

    public static void Mark(string step)
    {
        if (!Enabled)
        {
            return;
        }
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine($"lsptriage startup: {sinceStart.TotalMilliseconds:F1} ms {step}");
    }
}
