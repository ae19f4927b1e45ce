using Otklik.Model;

namespace Otklik.Storage.Cases;

/// <summary>A case as the workflow sees it: the model's case plus its clocks, counts and resident feedback.</summary>
/// <param name="FirstReplyDue">Null for cases imported without deadlines.</param>
/// <param name="Overdue">True when an open case has passed a deadline it has not met, at the time it was read.</param>
/// <param name="Title">The start of the first message, stripped of HTML; empty once retention removed the texts.</param>
/// <param name="Simulated">True for the demo world's cases.</param>
public sealed record CaseRecord(
    long Id,
    CaseStatus Status,
    string? TopicGroup,
    string? Topic,
    long? BodyId,
    string? BodyName,
    string? RegionCode,
    string? Region,
    string? District,
    string? City,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? FirstReplyDue,
    DateTimeOffset? AnswerDue,
    DateTimeOffset? FirstReplyAt,
    DateTimeOffset? AnsweredAt,
    bool Overdue,
    long? EscalatedToBodyId,
    long MessageCount,
    double? Confidence,
    string? LabelSource,
    IReadOnlyList<string> Reasons,
    bool? FeedbackFixed,
    DateTimeOffset? FeedbackAt,
    string? FeedbackComment,
    bool Simulated,
    string Title);
