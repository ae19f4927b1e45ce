using System.Text.Json.Serialization;

namespace Otklik.Server.Apis;

/// <summary>A topic as an Open311 service.</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string? Keywords,
    [property: JsonPropertyName("group")] string? Group);
