using System.Text.Json.Serialization;

namespace LspTriage.Cli.Reporting;

// The part of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that SarifReport writes, member names as
// the schema spells them once camelCased.

internal sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyDictionary<string, SarifUri> OriginalUriBaseIds,
    string ColumnKind,
    IReadOnlyList<SarifResult> Results);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(string Name, string SemanticVersion, IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifText Help,
    SarifConfiguration DefaultConfiguration);

internal sealed record SarifText(string Text);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifUri(string Uri);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifArtifactLocation(string Uri, string UriBaseId);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);
