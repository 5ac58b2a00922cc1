using System.Text.Encodings.Web;
using System.Text.Json;

namespace LspTriage.Cli.Reporting;

internal static class JsonOptions
{
    /// <summary>Indented, camelCase, and Chinese text left readable rather than \u-escaped.</summary>
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
