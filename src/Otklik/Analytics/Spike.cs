namespace Otklik.Analytics;

/// <summary>
/// A topic in a city far above its usual level: <paramref name="ThisWeek"/> messages in the last 7 days against
/// <paramref name="UsualWeekly"/>, the weekly mean of the 8 weeks before.
/// </summary>
public sealed record Spike(string Topic, string? City, string? Region, long ThisWeek, double UsualWeekly, double Ratio);
