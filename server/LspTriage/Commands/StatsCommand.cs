using LspTriage.Cli.Cli;
using LspTriage.Cli.Stats;
using LspTriage.Core.Stats;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage stats PATH...</c>: counts and mean times over many incidents, for reviews and retros.</summary>
internal sealed class StatsCommand : ICliCommand
{
    public string Name => "stats";

    public string Summary => "Incident counts, MTTD/MTTR by severity, service and month, repeats and open action items";

    public string? Arguments => "PATH...";

    public string ArgumentsDescription => "Incident and postmortem files, or folders holding them";

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("format", "md|json|html", "md (default), json or html", "md", "json", "html"),
        CliOption.Value("out", "FILE", """
            Write the report to FILE; for md and html the charts (PNG) are written beside it as
            FILE-incidents-by-month.png and FILE-times-by-severity.png. Without --out the report goes to standard
            output, without charts.
            """),
    ];

    public string Details => """
        Reads the incident and postmortem files under the given paths and reports: counts and mean time to detect,
        mitigate and resolve (from the timeline, see docs/timeline.md) by severity, service and month; repeat
        incidents (same service or category within 30 days); open action items by owner.

        Exit code 0; 1 when a file could not be read (the others are still reported); 2 on usage errors.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        var format = args.Choice("format", "md", "md", "json", "html");
        var files = IncidentFiles.Read(args.Positionals, io, Name, cancellationToken);
        var incidents = files.Documents.Select(d => IncidentSummary.Of(d.Display, d.Document)).ToArray();
        var stats = IncidentStats.Build(incidents);
        var output = args.Value("out") is { } o ? io.FullPath(o) : null;
        IReadOnlyList<StatsChart> charts = [];
        if (output is not null && format != "json")
        {
            var directory = Path.GetDirectoryName(output)!;
            Directory.CreateDirectory(directory);
            charts = StatsCharts.Write(stats, incidents, directory, Path.GetFileNameWithoutExtension(output));
        }
        var report = format switch
        {
            "json" => StatsJson.Render(stats),
            "html" => StatsHtml.Render(stats, charts),
            _ => StatsMarkdown.Render(stats, charts),
        };
        if (output is null)
        {
            await io.Out.WriteLineAsync(report).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(output, report, cancellationToken).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"lsptriage stats: {incidents.Length} incidents → {Path.GetRelativePath(io.WorkingDirectory, output)}{(charts.Count > 0 ? $" and {charts.Count} charts" : "")}").ConfigureAwait(false);
        }
        foreach (var problem in files.Problems)
        {
            await io.Error.WriteLineAsync(problem).ConfigureAwait(false);
        }
        return files.Problems.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
