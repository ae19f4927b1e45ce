namespace Otklik.Analytics;

/// <summary>Cases created per bucket, split by topic group and by city (the top ones; the rest summed as "Прочие").</summary>
public sealed record DashboardVolumes(IReadOnlyList<string> Buckets, IReadOnlyList<Series> ByTopicGroup, IReadOnlyList<Series> ByCity);
