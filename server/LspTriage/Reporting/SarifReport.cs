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
        var sarif = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["tool"] = new
                    {
                        driver = new
                        {
                            name = "lsptriage",
                            semanticVersion = CommandLineApp.Version,
                            rules = rules.Select(r => new
                            {
                                id = r.Code,
                                name = r.Name,
                                shortDescription = new { text = r.Description },
                                fullDescription = new { text = r.Description },
                                help = new { text = r.Description },
                                defaultConfiguration = new { level = SeverityNames.Sarif(r.DefaultSeverity) },
                            }),
                        },
                    },
                    ["originalUriBaseIds"] = new Dictionary<string, object>
                    {
                        ["%SRCROOT%"] = new { uri = new Uri(EnsureTrailingSlash(io.WorkingDirectory)).AbsoluteUri },
                    },
                    ["columnKind"] = "utf16CodeUnits",
                    ["results"] = results.SelectMany(r => r.Findings.Select(f => Result(r, f, index))).ToArray(),
                },
            },
        };
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(sarif, JsonOptions.Indented)).ConfigureAwait(false);
    }

    private static object Result(FileResult file, LocatedFinding f, Dictionary<string, int> ruleIndex)
    {
        var start = f.Range.Start;
        var end = f.Range.End;
        return new
        {
            ruleId = f.Finding.Code,
            ruleIndex = ruleIndex[f.Finding.Code],
            level = SeverityNames.Sarif(f.Finding.Severity),
            message = new { text = f.Finding.Message },
            locations = new[]
            {
                new
                {
                    physicalLocation = new
                    {
                        artifactLocation = new { uri = Uri.EscapeDataString(file.DisplayPath).Replace("%2F", "/", StringComparison.Ordinal), uriBaseId = "%SRCROOT%" },
                        region = new
                        {
                            startLine = start.Line + 1,
                            startColumn = start.Character + 1,
                            endLine = end.Line + 1,
                            endColumn = Math.Max(end.Character + 1, end.Line == start.Line ? start.Character + 1 : 1),
                        },
                    },
                },
            },
            partialFingerprints = new Dictionary<string, string>
            {
                ["lsptriage/v1"] = Fingerprint(file.DisplayPath, f.Finding),
            },
        };
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
