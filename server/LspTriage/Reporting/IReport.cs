using LspTriage.Cli.Cli;
using LspTriage.Cli.Commands;

namespace LspTriage.Cli.Reporting;

internal interface IReport
{
    Task WriteAsync(IReadOnlyList<FileResult> results, CliIo io);
}
