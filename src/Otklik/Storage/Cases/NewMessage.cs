namespace Otklik.Storage.Cases;

/// <summary>
/// A message as it arrives, before processing. The *Hint fields are labels the channel or file already knows
/// (a labeled import: topic and executor); the analyzer may use them.
/// </summary>
/// <param name="AuthorId">The pseudonymous author id; <paramref name="AuthorRaw"/> only when raw authors are kept.</param>
public sealed record NewMessage(
    string Channel,
    string ExternalId,
    string Text,
    DateTimeOffset ReceivedAt,
    string? Url = null,
    string? AuthorId = null,
    string? AuthorRaw = null,
    DateTimeOffset? PostedAt = null,
    long? AccountId = null,
    string? ReplyTo = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Address = null,
    string? TopicHint = null,
    string? TopicGroupHint = null,
    string? BodyHint = null,
    string? RegionHint = null,
    string? CityHint = null,
    bool Simulated = false);
