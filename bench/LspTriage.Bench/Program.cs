using System.Runtime.InteropServices;
using LspTriage.Bench;

// Benchmarks are programs, not tests: they print figures; nothing here asserts a threshold.
var root = FindRepoRoot();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, root);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var text = GeneratedPostmortem.Generate(options.Lines);
Console.WriteLine($"LspTriage.Bench on {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPUs, load {LoadAverage()}");
Console.WriteLine($"generated postmortem: {options.Lines} lines, {System.Text.Encoding.UTF8.GetByteCount(text) / 1048576.0:F2} MiB, sha256 {GeneratedPostmortem.Sha256(text)}");

if (options.Sections.Contains("startup") || options.Sections.Contains("spawned"))
{
    if (!File.Exists(options.Server))
    {
        Console.Error.WriteLine($"{options.Server} not found: dotnet build -c Release server/LspTriage, or pass --server");
        return 1;
    }
}
if (options.Sections.Contains("startup"))
{
    await StartupBench.RunAsync(options);
}
if (options.Sections.Contains("spawned"))
{
    await DocumentBench.RunSpawnedAsync(options, text);
}
if (options.Sections.Contains("inproc"))
{
    await DocumentBench.RunInProcessAsync(options, text);
}
if (options.Sections.Contains("outline"))
{
    OutlineProfile.Run(options, text);
}
if (options.Sections.Contains("authoring"))
{
    await AuthoringBench.RunAsync(options, text);
}
if (options.Sections.Contains("indexing"))
{
    await IndexingBench.RunAsync(options);
}
if (options.Sections.Contains("corpus"))
{
    CorpusBench.Run(options);
}
return 0;

static string FindRepoRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LspTriage.sln")))
            {
                return dir.FullName;
            }
        }
    }
    throw new InvalidOperationException("LspTriage.sln not found above the current or the program's directory");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
