using System.Diagnostics;

namespace LspTriage.Bench;

/// <summary>Process start to the initialize response, the wait an editor sees before any feature works.</summary>
internal static class StartupBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"== start-up: spawn {options.Server} serve → initialize result ({options.Startups} times, first one included)");
        var times = new List<double>();
        for (var i = 0; i < options.Startups; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var server = SpawnedServer.Start(options.Server);
            await server.Client.InitializeAsync(null).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var code = await server.StopAsync().ConfigureAwait(false);
            if (code != 0)
            {
                Console.WriteLine($"   warning: exit code {code} after shutdown/exit");
            }
        }
        Console.WriteLine($"   initialize: {Stats.Of(times)}");
    }
}
