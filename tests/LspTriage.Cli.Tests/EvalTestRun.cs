using LspTriage.Cli.Cli;
using LspTriage.Core.Evaluation;
using LspTriage.Tests.Shared;

namespace LspTriage.Cli.Tests;

/// <summary>A copy of the test scenarios in a temp folder, and <c>lsptriage eval</c> run in-process against it.</summary>
internal sealed class EvalTestRun : IDisposable
{
    private readonly TempFolder _dir = new();

    public EvalTestRun()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, "scenarios"), "*.md"))
        {
            File.Copy(file, Path.Combine(ScenarioDir, Path.GetFileName(file)));
        }
    }

    public string Root => _dir.Path;

    public string ScenarioDir => Directory.CreateDirectory(Path.Combine(_dir.Path, "scenarios")).FullName;

    public int ScenarioCount => Directory.GetFiles(ScenarioDir, "*.md").Length;

    public string Out(string name = "out") => Path.Combine(_dir.Path, name);

    public static IReadOnlyList<EvalResult> Results(string outDir) => ResultsFile.Load(Path.Combine(outDir, ResultsFile.FileName)).Results;

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => await RunAsync(_ => null, args);

    public async Task<(int Exit, string Out, string Err)> RunAsync(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, IsTerminal: false, _dir.Path, environment);
        var exit = await CommandLineApp.RunAsync(["eval", .. args], io, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
