using LspTriage.Cli.Cli;
using LspTriage.Cli.Reporting;
using LspTriage.Core.Checks;
using LspTriage.Core.Documents;
using LspTriage.Core.Documents.Templates;

namespace LspTriage.Cli.Commands;

/// <summary><c>lsptriage check PATH...</c>: the editor's diagnostics, for scripts and CI.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public string Name => "check";

    public string Summary => "Check incident and postmortem files (text, JSON or SARIF for code scanning)";

    public string? Arguments => "PATH...";

    public string ArgumentsDescription => "Files to check, and folders whose incident and postmortem files are checked";

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Value("format", "text|json|sarif", """
            text (default): file:line:col: severity code: message
            json: one object with every finding
            sarif: SARIF 2.1.0, for GitHub code scanning
            """, "text", "json", "sarif"),
        CliOption.Repeated("placeholder", "REGEX", "An extra placeholder pattern (.NET regex), besides [FILL IN], [TODO], TBD, [待填写]"),
        CliOption.Value("template", "NAME", """
            The postmortem template: lsptriage, google-sre, atlassian, pagerduty, or auto (default: front matter
            template:, else detected from the headings)
            """, ["auto", .. TemplateProfiles.All.Select(t => t.Id)]),
        CliOption.Repeated("require", "HEADING", "A section every postmortem must have, replacing the template's list"),
        CliOption.Repeated("disable", "CODE", "A rule code not to report, e.g. LT033"),
        CliOption.Repeated("history", "DIR", """
            Past incidents (every *.md under DIR, repeatable): also report LT030, a similar incident from the 30 days
            before a file whose action items are still open (the files checked count as past incidents too)
            """),
    ];

    public string Details => """
        Checks the given files, and the incident and postmortem files under the given folders (files matching
        **/incidents/**/*.md, **/postmortems/**/*.md, *.incident.md, *.postmortem.md, or with front matter kind:).
        Files named explicitly are always checked. With --history, LT030 (repeat incident) compares each file with the
        past incidents there, as the editor does with lspTriage.similarity.historyFolders.

        Exit code 1 when any finding is an error (e.g. a postmortem without a required section), else 0; 2 on usage errors.
        """;

    public async Task<int> RunAsync(CliArgs args, CliIo io, CancellationToken cancellationToken)
    {
        var format = args.Choice("format", "text", "text", "json", "sarif");
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("Name at least one file or folder to check.");
        }
        var template = args.Choice("template", "auto", ["auto", .. TemplateProfiles.All.Select(t => t.Id)]);
        var options = new DocumentOptions
        {
            PlaceholderPatterns = args.Values("placeholder"),
            Template = template,
            RequiredSections = args.Values("require"),
            DisabledRules = args.Values("disable"),
        };
        var files = CheckTargets.Resolve(args.Positionals, io, options);
        if (files.Missing.Count > 0)
        {
            foreach (var missing in files.Missing)
            {
                await io.Error.WriteLineAsync($"lsptriage check: {missing}: no such file or folder").ConfigureAwait(false);
            }
            return ExitCodes.Usage;
        }
        var history = await RepeatIncidentHistory.BuildAsync(args, io, files.Files.Select(f => f.Path), cancellationToken).ConfigureAwait(false);
        var results = new List<FileResult>(files.Files.Count);
        foreach (var (path, isExplicit) in files.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var checker = history is null ? DocumentChecker.Default : await history.CheckerForAsync(path, options, cancellationToken).ConfigureAwait(false);
            results.Add(FileChecker.Check(path, isExplicit, io, options, checker));
        }
        IReport report = format switch
        {
            "json" => new JsonReport(),
            "sarif" => new SarifReport(),
            _ => new TextReport(),
        };
        await report.WriteAsync(results, io).ConfigureAwait(false);
        return results.Any(r => r.Findings.Any(f => f.Finding.Severity == FindingSeverity.Error)) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
