using System.Text.Json;
using System.Text.Json.Serialization;

namespace LspTriage.Server.Protocol;

/// <summary>
/// An unchanged workspace report encoded once per file and result id: a re-pull of thousands of unchanged files copies
/// their bytes instead of serializing thousands of objects (<see cref="WorkspaceDiagnosticReportConverter"/>).
/// </summary>
public sealed class EncodedUnchangedReport
{
    public EncodedUnchangedReport(string uri, string resultId)
    {
        Uri = uri;
        ResultId = resultId;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(uri.Length + resultId.Length + 48);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind"u8, "unchanged"u8);
            writer.WriteString("uri"u8, uri);
            writer.WriteString("resultId"u8, resultId);
            writer.WriteEndObject();
        }
        Utf8 = buffer.WrittenMemory.ToArray();
    }

    public string Uri { get; }

    public string ResultId { get; }

    /// <summary>The report as JSON: what <see cref="WorkspaceUnchangedDocumentDiagnosticReport"/> writes without a version.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }
}

/// <summary>
/// Writes a <see cref="WorkspaceDiagnosticReport"/>: pre-encoded unchanged reports as raw bytes, the others through the
/// options' (source-generated) metadata. The server only writes this type; clients send none.
/// </summary>
public sealed class WorkspaceDiagnosticReportConverter : JsonConverter<WorkspaceDiagnosticReport>
{
    public override WorkspaceDiagnosticReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The server writes workspace diagnostic reports; it does not read them.");

    public override void Write(Utf8JsonWriter writer, WorkspaceDiagnosticReport value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(nameof(value.Items)) ?? nameof(value.Items));
        writer.WriteStartArray();
        foreach (var item in value.Items)
        {
            if (item is EncodedUnchangedReport encoded)
            {
                writer.WriteRawValue(encoded.Utf8.Span, skipInputValidation: true);
            }
            else
            {
                JsonSerializer.Serialize(writer, item, options.GetTypeInfo(item.GetType()));
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
