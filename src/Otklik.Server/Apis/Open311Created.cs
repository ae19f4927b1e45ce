using System.Text.Json.Serialization;

namespace Otklik.Server.Apis;

/// <summary>The answer to an Open311 POST: the case id once processed, else the token (the message id) to look for later.</summary>
public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string? ServiceRequestId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice);
