using Otklik.Deadlines;

namespace Otklik.Tests.Deadlines;

internal static class ShippedCalendar
{
    private static readonly Lazy<WorkingCalendar> Russia = new(() =>
        WorkingCalendarFile.Load(Path.Combine(SharedData.RepoRoot(), "data", "calendar", "ru-production-2025-2027.json")));

    private static readonly Lazy<DeadlinePolicy> Policy = new(() =>
        DeadlinePolicyFile.Load(Path.Combine(SharedData.RepoRoot(), "data", "routing", "deadlines.json")));

    public static WorkingCalendar Calendar => Russia.Value;

    public static DeadlinePolicy Policies => Policy.Value;

    public static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    public static DateTimeOffset At(int y, int m, int d, int h, int min = 0, double offsetHours = 3) =>
        new(y, m, d, h, min, 0, TimeSpan.FromHours(offsetHours));
}
