using Microsoft.Extensions.Time.Testing;
using Otklik.Deadlines;
using static Otklik.Tests.Deadlines.ShippedCalendar;

namespace Otklik.Tests.Deadlines;

public class DeadlineMonitorTests
{
    private static readonly DeadlinePlanner Planner = new(Policies, Calendar);

    [Fact]
    public void The_first_reply_clock_goes_overdue_an_hour_after_a_dangerous_appeal()
    {
        var clock = new FakeTimeProvider(At(2025, 6, 2, 10));
        var monitor = new DeadlineMonitor(clock);
        var plan = Planner.Plan(clock.GetUtcNow(), "Отсутствие люков на коммуникационных колодцах", "3", "нет люка");

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(ClockStatus.Running, monitor.Check(plan, null, null).FirstReply.Status);
        Assert.False(monitor.IsOverdue(plan, null, null));

        clock.Advance(TimeSpan.FromMinutes(2));
        var (first, full) = monitor.Check(plan, null, null);
        Assert.Equal(ClockStatus.Overdue, first.Status);
        Assert.Equal(TimeSpan.FromMinutes(-1), first.Slack);
        Assert.Equal(ClockStatus.Running, full.Status);
        Assert.True(monitor.IsOverdue(plan, null, null));
    }

    [Fact]
    public void A_late_reply_is_met_late_and_stops_the_first_clock()
    {
        var clock = new FakeTimeProvider(At(2025, 6, 2, 10));
        var monitor = new DeadlineMonitor(clock);
        var plan = Planner.Plan(clock.GetUtcNow(), "Аварийные деревья", "3", "дерево");
        clock.Advance(TimeSpan.FromHours(3));

        var (first, full) = monitor.Check(plan, At(2025, 6, 2, 11, 30), null);
        Assert.Equal(ClockStatus.MetLate, first.Status);
        Assert.Equal(TimeSpan.FromMinutes(-30), first.Slack);
        Assert.Equal(ClockStatus.Running, full.Status);
    }

    [Fact]
    public void The_full_answer_clock_goes_overdue_after_its_working_hours_not_its_clock_hours()
    {
        // Friday 17:00: 8 working hours end Monday 17:00 (lunch excluded), though 8 clock hours end Saturday 01:00.
        var clock = new FakeTimeProvider(At(2025, 6, 6, 17));
        var monitor = new DeadlineMonitor(clock);
        var plan = Planner.Plan(clock.GetUtcNow(), "Аварийные деревья", "3", "дерево");
        var replied = At(2025, 6, 6, 17, 30);

        clock.SetUtcNow(At(2025, 6, 9, 16, 59));
        Assert.Equal(ClockStatus.Running, monitor.Check(plan, replied, null).FullAnswer.Status);
        clock.SetUtcNow(At(2025, 6, 9, 17, 1));
        Assert.Equal(ClockStatus.Overdue, monitor.Check(plan, replied, null).FullAnswer.Status);
        Assert.Equal(ClockStatus.Met, monitor.Check(plan, replied, At(2025, 6, 9, 15)).FullAnswer.Status);
    }

    [Fact]
    public void A_full_answer_also_counts_as_the_first_reply()
    {
        var clock = new FakeTimeProvider(At(2025, 6, 2, 10));
        var plan = Planner.Plan(clock.GetUtcNow(), null, null, "вопрос");
        clock.Advance(TimeSpan.FromDays(3));
        var (first, _) = new DeadlineMonitor(clock).Check(plan, null, At(2025, 6, 2, 12));
        Assert.Equal(ClockStatus.Met, first.Status);
    }
}
