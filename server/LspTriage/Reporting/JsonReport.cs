using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Cli.Commands;

namespace LspTriage.Cli.Reporting;

/// <summary>One JSON object: the files checked and every finding with 1-based line and column (UTF-16 columns, as LSP).</summary>
internal sealed class JsonReport : IReport
{
    public async Task WriteAsync(IReadOnlyList<FileResult> results, CliIo io)
    {
        var payload = new
        {
            tool = "lsptriage",
            version = CommandLineApp.Version,
            files = results.Count,
            findings = results.SelectMany(r => r.Findings.Select(f => new
            {
                file = r.DisplayPath,
                line = f.Range.Start.Line + 1,
                column = f.Range.Start.Character + 1,
                endLine = f.Range.End.Line + 1,
                endColumn = f.Range.End.Character + 1,
                severity = SeverityNames.Text(f.Finding.Severity),
                code = f.Finding.Code,
                message = f.Finding.Message,
            })),
        };
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(payload, JsonOptions.Indented)).ConfigureAwait(false);
    }
}
