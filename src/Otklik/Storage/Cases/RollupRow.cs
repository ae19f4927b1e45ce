namespace Otklik.Storage.Cases;

/// <summary>
/// One row of the daily rollup: cases created on <paramref name="Day"/> in one topic group, place and body, with their
/// answers. <paramref name="Histogram"/> counts answers by time to full answer (<see cref="CaseSession.AnswerBuckets"/>).
/// </summary>
public sealed record RollupRow(
    string Day,
    string? TopicGroup,
    string? RegionCode,
    string? Region,
    string? City,
    long? BodyId,
    long Cases,
    long Answered,
    long AnsweredInTime,
    double AnswerHours,
    long[] Histogram);
