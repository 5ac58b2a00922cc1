using System.Text.Json;
using LspTriage.Cli.Cli;
using LspTriage.Cli.Commands;
using LspTriage.Core.Checks;

namespace LspTriage.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the full rule table, results with relative artifact URIs
/// under <c>%SRCROOT%</c>, 1-based regions in UTF-16 columns, and a stable fingerprint per finding.
/// </summary>
internal sealed class SarifReport : IReport
{
    public async Task WriteAsync(IReadOnlyList<FileResult> results, CliIo io)
    {
        var rules = Rules.All;
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var log = new SarifLog(
            Schema: "https://json.schemastore.org/sarif-2.1.0.json",
            Version: "2.1.0",
            Runs:
            [
                new SarifRun(
                    Tool: new SarifTool(new SarifDriver(
                        Name: "lsptriage",
                        SemanticVersion: CommandLineApp.Version,
                        Rules: [.. rules.Select(r => new SarifRule(
                            Id: r.Code,
                            Name: r.Name,
                            ShortDescription: new SarifText(r.Description),
                            FullDescription: new SarifText(r.Description),
                            Help: new SarifText(r.Description),
                            DefaultConfiguration: new SarifConfiguration(SeverityNames.Sarif(r.DefaultSeverity))))])),
                    OriginalUriBaseIds: new Dictionary<string, SarifUri>
                    {
                        ["%SRCROOT%"] = new(new Uri(EnsureTrailingSlash(io.WorkingDirectory)).AbsoluteUri),
                    },
                    ColumnKind: "utf16CodeUnits",
                    Results: [.. results.SelectMany(r => r.Findings.Select(f => Result(r, f, index)))]),
            ]);
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(log, CliJson.Readable.SarifLog)).ConfigureAwait(false);
    }

    private static SarifResult Result(FileResult file, LocatedFinding f, Dictionary<string, int> ruleIndex)
    {
        var start = f.Range.Start;
        var end = f.Range.End;
        return new SarifResult(
            RuleId: f.Finding.Code,
            RuleIndex: ruleIndex[f.Finding.Code],
            Level: SeverityNames.Sarif(f.Finding.Severity),
            Message: new SarifText(f.Finding.Message),
            Locations:
            [
                new SarifLocation(new SarifPhysicalLocation(
                    ArtifactLocation: new SarifArtifactLocation(
                        Uri: Uri.EscapeDataString(file.DisplayPath).Replace("%2F", "/", StringComparison.Ordinal),
                        UriBaseId: "%SRCROOT%"),
                    Region: new SarifRegion(
                        StartLine: start.Line + 1,
                        StartColumn: start.Character + 1,
                        EndLine: end.Line + 1,
                        EndColumn: Math.Max(end.Character + 1, end.Line == start.Line ? start.Character + 1 : 1)))),
            ],
            PartialFingerprints: new Dictionary<string, string>
            {
                ["lsptriage/v1"] = Fingerprint(file.DisplayPath, f.Finding),
            });
    }

    /// <summary>Stable across runs and line shifts: file, rule and message, hashed.</summary>
    private static string Fingerprint(string path, Finding finding)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{path}\n{finding.Code}\n{finding.Message}");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
    }

    private static string EnsureTrailingSlash(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;
}
