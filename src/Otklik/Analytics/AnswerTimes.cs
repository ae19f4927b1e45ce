namespace Otklik.Analytics;

/// <summary>The distribution of time to full answer: bucket labels and answered cases in each.</summary>
public sealed record AnswerTimes(IReadOnlyList<string> Buckets, IReadOnlyList<long> Counts);
