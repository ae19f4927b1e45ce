namespace Otklik.Model;

/// <summary>
/// A case (инцидент, обращение): one or more messages about one problem, owned by one responsible body.
/// </summary>
/// <param name="LabelSource">Where topic and body came from: "input" (given by the file or the operator), a model version, or null.</param>
public sealed record Case(
    long Id,
    string? TopicGroup,
    string? Topic,
    Territory Place,
    long? BodyId,
    CaseStatus Status,
    DateTimeOffset? FirstReplyDue,
    DateTimeOffset? AnswerDue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? LabelSource,
    double? Confidence);
