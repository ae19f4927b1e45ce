using Otklik.Model;

namespace Otklik.Storage.Cases;

/// <summary>What the processor knows when it opens a case for a message.</summary>
/// <param name="MessageCount">How many messages the case starts with (its first and those of the same batch that joined it).</param>
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
    long MessageCount = 1);
