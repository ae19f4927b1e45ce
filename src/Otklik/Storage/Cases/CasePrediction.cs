namespace Otklik.Storage.Cases;

/// <summary>
/// What a model decided for one case (<see cref="CaseSession.SetPredictionsAsync"/>): labels, the body (a suggestion
/// unless <paramref name="Assign"/>), confidence, source and reasons, and the deadlines planned from its first message.
/// </summary>
public sealed record CasePrediction(
    long CaseId,
    string? TopicGroup,
    string? Topic,
    long? BodyId,
    bool Assign,
    string LabelSource,
    double Confidence,
    IReadOnlyList<string> Reasons,
    DateTimeOffset FirstReplyDue,
    DateTimeOffset AnswerDue);
