using System.Text.Json;
using LspTriage.Cli.Actions;
using LspTriage.Cli.Cli;
using LspTriage.Cli.Reporting;
using LspTriage.Core.Actions;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage actions PATH...</c>: the open action items of many postmortems, for a tracker.</summary>
internal sealed class ActionsCommand : ICliCommand
{
    public string Name => "actions";

    public string Summary => "Export open action items (JSON, CSV, or a script of gh issue create commands)";

    public string? Arguments => "PATH...";

    public string ArgumentsDescription => "Incident and postmortem files, or folders holding them";

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("format", "json|csv|github", """
            json (default); csv; github: a shell script with one `gh issue create` per item,
            every value single-quoted, @handle owners as assignees
            """, "json", "csv", "github"),
        CliOption.Value("link-base", "URL", """
            Make links absolute, e.g. https://github.com/ORG/REPO/blob/main: links become URL/PATH#L<line>.
            Without it links are PATH:LINE relative to the working directory.
            """),
    ];

    public string Details => """
        Lists the open (unchecked) action items of the incident and postmortem files under the given paths, with
        owner, priority, due date (due 2026-07-01, by 2026-07-01, 截止 2026-07-01) and the file and line they come from.

        Exit code 0; 1 when a file could not be read (the others are still listed); 2 on usage errors.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        var format = args.Choice("format", "json", "json", "csv", "github");
        var linkBase = args.Value("link-base")?.TrimEnd('/');
        if (linkBase is not null && !(Uri.TryCreate(linkBase, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
        {
            throw new UsageException($"--link-base must be an http(s) URL (got '{linkBase}').");
        }
        var files = IncidentFiles.Read(args.Positionals, io, Name, cancellationToken);
        var items = files.Documents.SelectMany(d => OpenActionItem.From(d.Display, d.Document)).ToArray();
        string Link(OpenActionItem i) => linkBase is null ? $"{i.Path}:{i.Line}" : $"{linkBase}/{Uri.EscapeDataString(i.Path).Replace("%2F", "/", StringComparison.Ordinal)}#L{i.Line}";
        var output = format switch
        {
            "csv" => ActionsCsv.Render(items, Link),
            "github" => GitHubIssueScript.Render(items, Link),
            _ => JsonSerializer.Serialize(
                [.. items.Select(i => new ActionItemJson(i.Path, i.Line, i.Incident, i.Task, i.Owner, i.Priority, i.Due, Link(i)))],
                CliJson.Readable.IReadOnlyListActionItemJson) + "\n",
        };
        await io.Out.WriteAsync(output).ConfigureAwait(false);
        foreach (var problem in files.Problems)
        {
            await io.Error.WriteLineAsync(problem).ConfigureAwait(false);
        }
        return files.Problems.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}

internal sealed record ActionItemJson(string File, int Line, string? Incident, string Task, string? Owner, string? Priority, DateOnly? Due, string Link);
