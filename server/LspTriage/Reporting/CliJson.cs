using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LspTriage.Cli.Commands;
using LspTriage.Cli.Stats;
using LspTriage.Core.Analysis.Model;

namespace LspTriage.Cli.Reporting;

/// <summary>
/// Every JSON document the command line prints, source-generated: the shipped executable is Native AOT, where
/// serializing by reflection fails at run time (the build's AOT analyzer turns any such call into an error).
/// </summary>
[JsonSerializable(typeof(CheckReportJson))]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(StatsReportJson))]
[JsonSerializable(typeof(SimilarReportJson))]
[JsonSerializable(typeof(IReadOnlyList<ActionItemJson>))]
[JsonSerializable(typeof(IncidentAnalysis))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Indented, camelCase, nulls left out, enums as camelCase names, and Chinese text left readable rather than \u-escaped.</summary>
    public static CliJson Readable { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<Confidence>(JsonNamingPolicy.CamelCase) },
    });
}
