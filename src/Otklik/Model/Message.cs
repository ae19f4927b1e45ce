namespace Otklik.Model;

/// <summary>
/// What a resident wrote, as received. <see cref="Channel"/> + <see cref="ExternalId"/> identify it: the same pair
/// twice is one message, which is what makes every import and every push idempotent.
/// </summary>
/// <param name="AuthorId">A pseudonymous id of the author (see <c>Pseudonymizer</c>); never the raw name or handle.</param>
/// <param name="AccountHandle">The page or account it was posted to, as the channel names it; <paramref name="AccountId"/> once resolved.</param>
/// <param name="Text">The text as received, HTML and all. Personal data: never log it.</param>
public sealed record Message(
    long Id,
    string Channel,
    string ExternalId,
    string? Url,
    string? AuthorId,
    string Text,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? PostedAt,
    long? AccountId,
    string? AccountHandle,
    string? ReplyToExternalId,
    GeoPoint? Geo,
    string? Address,
    long? CaseId);
