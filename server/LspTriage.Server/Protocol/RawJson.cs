using System.Text.Json;
using System.Text.Json.Serialization;

namespace LspTriage.Server.Protocol;

/// <summary>
/// A result already written as JSON (UTF-8, in the wire's options), sent as it is. For answers kept per document
/// version: editors ask for the same one several times (VS Code's outline, breadcrumbs and sticky scroll each ask for
/// document symbols), and writing a large answer again costs more than building it.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed class RawJson(byte[] utf8)
{
    public static RawJson EmptyArray { get; } = new("[]"u8.ToArray());

    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;
}

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("RawJson is written, never read.");

    // The bytes were produced by our own serializer: validating them again would cost what caching saved.
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
