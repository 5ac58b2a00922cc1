using LspTriage.Core.Checks;

namespace LspTriage.Cli.Reporting;

internal static class SeverityNames
{
    public static string Text(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        FindingSeverity.Information => "info",
        _ => "hint",
    };

    /// <summary>SARIF result levels.</summary>
    public static string Sarif(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };
}
