using System.Text.Json.Serialization;
using LspTriage.Core.Similarity.Matching;
using LspTriage.Core.Similarity.Records;

namespace LspTriage.Core.Similarity.Stores;

/// <summary>A line of an outbox file: an upsert (<see cref="Record"/> set) or a delete.</summary>
internal sealed record OutboxLine(string Id, OutboxRecord? Record);

/// <summary>
/// An <see cref="IncidentRecord"/> as an outbox file keeps it: the same fields PostgreSQL keeps, features as their
/// terms (<see cref="IncidentFeatures.Terms"/>), so the file format does not change whenever the record gains a
/// computed property.
/// </summary>
internal sealed record OutboxRecord(
    string Id,
    string Title,
    string Key,
    string? Service,
    string? Date,
    string? Severity,
    string? RootCause,
    string? Path,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Features,
    string? Resolution)
{
    public static OutboxRecord From(IncidentRecord r) =>
        new(r.Id, r.Title, r.Key, r.Service, r.Date, r.Severity, r.RootCause, r.Path, r.Categories, r.Features.Terms(r.Service), r.Resolution);

    public IncidentRecord ToRecord() =>
        new(Id, Title, Key, Service, Date, Severity, RootCause, Path, Categories)
        {
            Features = IncidentFeatures.FromTerms(Features),
            Resolution = Resolution,
        };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxLine))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext
{
}
