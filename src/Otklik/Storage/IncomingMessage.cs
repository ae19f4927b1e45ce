using Otklik.Model;

namespace Otklik.Storage;

/// <summary>
/// A message on its way into the store, validated and with its author already pseudonymized.
/// Stored once per (<see cref="Channel"/>, <see cref="ExternalId"/>); a new one opens a case.
/// </summary>
/// <param name="Labels">Topic, group and body given by the input; null when the input has none.</param>
/// <param name="Line">Where it came from in its file, for error messages.</param>
public sealed record IncomingMessage(
    string Channel,
    string ExternalId,
    string Text,
    string? Url,
    string? AuthorId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? PostedAt,
    string? AccountHandle,
    string? ReplyToExternalId,
    GeoPoint? Geo,
    string? Address,
    CaseLabels? Labels,
    long Line);
