using Otklik.Model;

namespace Otklik.Storage.Cases;

/// <summary>What the processor knows when it opens a case for a message.</summary>
/// <param name="MessageCount">How many messages the case starts with (its first and those of the same batch that joined it).</param>
/// <param name="FirstMessageId">The id of the message that opens it, when known before the insert: stored with the row, so
/// the triggers that keep the first message (migration 7) have nothing to write afterwards.</param>
/// <param name="FirstAuthorId">The pseudonym of that message's author.</param>
public sealed record NewCase(
    string? TopicGroup,
    string? Topic,
    Territory Place,
    long? BodyId,
    CaseStatus Status,
    DateTimeOffset FirstReplyDue,
    DateTimeOffset AnswerDue,
    DateTimeOffset CreatedAt,
    string? LabelSource,
    double? Confidence,
    IReadOnlyList<string> Reasons,
    byte[] Fingerprint,
    bool Simulated,
    long MessageCount = 1,
    long? FirstMessageId = null,
    string? FirstAuthorId = null);
