using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Cli.Commands;

namespace LspTriage.Cli.Reporting;

/// <summary>One JSON object: the files checked and every finding with 1-based line and column (UTF-16 columns, as LSP).</summary>
internal sealed class JsonReport : IReport
{
    public async Task WriteAsync(IReadOnlyList<FileResult> results, CliIo io)
    {
        var report = new CheckReportJson(
            Tool: "lsptriage",
            Version: CommandLineApp.Version,
            Files: results.Count,
            Findings: [.. results.SelectMany(r => r.Findings.Select(f => new FindingJson(
                File: r.DisplayPath,
                Line: f.Range.Start.Line + 1,
                Column: f.Range.Start.Character + 1,
                EndLine: f.Range.End.Line + 1,
                EndColumn: f.Range.End.Character + 1,
                Severity: SeverityNames.Text(f.Finding.Severity),
                Code: f.Finding.Code,
                Message: f.Finding.Message)))]);
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Readable.CheckReportJson)).ConfigureAwait(false);
    }
}

internal sealed record CheckReportJson(string Tool, string Version, int Files, IReadOnlyList<FindingJson> Findings);

internal sealed record FindingJson(string File, int Line, int Column, int EndLine, int EndColumn, string Severity, string Code, string Message);
