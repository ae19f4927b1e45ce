namespace Otklik.Analytics;

/// <summary>A body's cases of the period, its answers (with their time histogram) and its open and overdue cases now.</summary>
public sealed record BodyStats(
    long? BodyId,
    string Name,
    long Cases,
    long Answered,
    long AnsweredInTime,
    double? WithinDeadlineShare,
    double? AvgAnswerHours,
    IReadOnlyList<long> Histogram,
    long OpenNow,
    long OverdueNow);
