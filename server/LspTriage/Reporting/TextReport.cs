using LspTriage.Cli.Cli;
using LspTriage.Cli.Commands;
using LspTriage.Core.Checks;

namespace LspTriage.Cli.Reporting;

/// <summary><c>file:line:col: severity code: message</c>, one finding a line (the shape compilers use, so editors and CI annotate it).</summary>
internal sealed class TextReport : IReport
{
    public async Task WriteAsync(IReadOnlyList<FileResult> results, CliIo io)
    {
        foreach (var file in results)
        {
            foreach (var (finding, range) in file.Findings.Select(f => (f.Finding, f.Range)))
            {
                await io.Out.WriteLineAsync($"{file.DisplayPath}:{range.Start.Line + 1}:{range.Start.Character + 1}: {SeverityNames.Text(finding.Severity)} {finding.Code}: {finding.Message}").ConfigureAwait(false);
            }
        }
        var all = results.SelectMany(r => r.Findings).Select(f => f.Finding).ToArray();
        var errors = all.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = all.Count(f => f.Severity == FindingSeverity.Warning);
        await io.Error.WriteLineAsync($"{results.Count} file{(results.Count == 1 ? "" : "s")} checked: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}.").ConfigureAwait(false);
    }
}
