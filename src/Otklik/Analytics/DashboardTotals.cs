namespace Otklik.Analytics;

/// <summary>The headline numbers. <paramref name="WithinDeadlineShare"/> is answered within the deadline over answered (null without answers).</summary>
public sealed record DashboardTotals(
    long Cases, long Answered, long AnsweredInTime, double? WithinDeadlineShare, double? AvgAnswerHours, long OpenNow, long OverdueNow);
