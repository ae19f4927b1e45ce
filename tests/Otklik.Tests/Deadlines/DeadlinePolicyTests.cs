using Otklik.Deadlines;
using static Otklik.Tests.Deadlines.ShippedCalendar;

namespace Otklik.Tests.Deadlines;

public class DeadlinePolicyTests
{
    private static readonly DeadlinePlanner Planner = new(Policies, Calendar);

    [Fact]
    public void An_open_manhole_gets_an_hour_for_the_first_reply_and_a_working_day_for_the_answer()
    {
        var plan = Planner.Plan(At(2025, 6, 2, 10), null, "3", "Во дворе открытый люк, дети бегают");
        Assert.True(plan.Priority);
        Assert.Equal(At(2025, 6, 2, 11), plan.FirstReplyDue);
        Assert.Equal(At(2025, 6, 3, 10), plan.FullAnswerDue);
    }

    [Fact]
    public void No_heating_is_urgent_in_winter_but_not_in_summer()
    {
        const string topic = "Нарушение теплоснабжения многоквартирного дома";
        var winter = Planner.Plan(At(2026, 1, 20, 10), topic, "3", "холодно");
        var summer = Planner.Plan(At(2025, 7, 15, 10), topic, "3", "холодно");
        Assert.Equal("no heating in the heating season", winter.Rule);
        Assert.Equal(At(2026, 1, 20, 12), winter.FirstReplyDue);
        Assert.Equal("city infrastructure (roads, lighting, housing, waste)", summer.Rule);
        Assert.Equal(At(2025, 7, 15, 18), summer.FirstReplyDue);
    }

    [Fact]
    public void An_ordinary_appeal_gets_a_day_and_thirty_days()
    {
        var plan = Planner.Plan(At(2025, 9, 1, 10), "Посменное обучение", "7", "почему вторая смена");
        Assert.Equal("default", plan.Rule);
        Assert.Equal(At(2025, 9, 2, 10), plan.FirstReplyDue);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 23, 59, 59, Moscow), plan.FullAnswerDue);
    }

    [Fact]
    public void Deadlines_are_planned_in_the_places_time_zone()
    {
        var received = new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
        var plan = Planner.Plan(received, "Аварийные деревья", "3", "дерево", TimeSpan.FromHours(7));
        Assert.Equal(TimeSpan.FromHours(7), plan.FullAnswerDue.Offset);
        // 19:00 local: nothing more that day; 8 working hours = Tuesday 09:00–18:00 local, lunch excluded.
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 18, 0, 0, TimeSpan.FromHours(7)), plan.FullAnswerDue);
    }

    [Fact]
    public void A_first_reply_promised_beyond_24_hours_is_refused_with_the_field_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"default": {"firstReply": "2d", "fullAnswer": "30d"}}""");
            var e = Assert.Throws<DataFileException>(() => DeadlinePolicyFile.Load(path));
            Assert.Equal("default.firstReply", e.Field);
            Assert.Contains("24 hours", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
