using System.Runtime.InteropServices;

namespace LspTriage.Similarity.Bench;

/// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a shared 2-core machine wall-clock
/// percentiles include time other processes held the CPU; this shows what a query itself costs.</summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    public static double NowMilliseconds()
    {
        if (!IsSupported || ClockGetTime(ClockThreadCpuTimeId, out var ts) != 0)
        {
            return 0;
        }
        return (ts.Seconds * 1000.0) + (ts.Nanoseconds / 1_000_000.0);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
