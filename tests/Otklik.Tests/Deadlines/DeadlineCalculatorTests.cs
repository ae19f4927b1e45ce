using Otklik.Deadlines;
using static Otklik.Tests.Deadlines.ShippedCalendar;

namespace Otklik.Tests.Deadlines;

public class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Russian = new(Calendar);
    private static readonly DeadlineCalculator Weekdays = new(WorkingCalendar.WeekdaysOnly);

    private static DeadlineSpan Span(string s) => DeadlineSpan.TryParse(s)!.Value;

    [Fact]
    public void Clock_hours_run_through_nights_and_weekends()
    {
        Assert.Equal(At(2025, 3, 1, 10), Weekdays.Add(At(2025, 2, 28, 10), Span("24h"), Moscow));
    }

    [Fact]
    public void Working_hours_skip_the_night_and_the_weekend()
    {
        // Friday 16:00 + 8 working hours = 2 h on Friday + 6 h from Monday 09:00, lunch 13–14 not counted.
        Assert.Equal(At(2025, 3, 3, 16), Weekdays.Add(At(2025, 2, 28, 16), Span("8wh"), Moscow));
    }

    [Fact]
    public void Working_hours_start_at_the_beginning_of_the_day_when_received_at_night()
    {
        Assert.Equal(At(2025, 3, 4, 11), Weekdays.Add(At(2025, 3, 4, 2), Span("2wh"), Moscow));
    }

    [Fact]
    public void Working_hours_skip_the_new_year_holidays()
    {
        // Tue 30 Dec 2025, 17:00: 1 h that day; 31 Dec and 1–11 Jan 2026 are off (9 Jan is a transferred day off).
        Assert.Equal(At(2026, 1, 12, 17), Russian.Add(At(2025, 12, 30, 17), Span("8wh"), Moscow));
    }

    [Fact]
    public void A_pre_holiday_day_is_an_hour_shorter()
    {
        // Fri 7 Mar 2025 ends at 17:00; 8 March falls on Saturday and its day off moved to 13 June, so Monday 10 March works.
        Assert.Equal(At(2025, 3, 10, 10), Russian.Add(At(2025, 3, 7, 16), Span("2wh"), Moscow));
    }

    [Fact]
    public void A_working_saturday_counts_as_a_working_day()
    {
        // Saturday 1 Nov 2025 is worked (short, to 17:00) in exchange for Monday 3 November.
        Assert.Equal(At(2025, 11, 1, 17), Russian.Add(At(2025, 10, 31, 12), Span("1wd"), Moscow));
        Assert.Equal(At(2025, 11, 5, 18), Russian.Add(At(2025, 10, 31, 12), Span("2wd"), Moscow));
    }

    [Fact]
    public void Calendar_days_ending_on_a_holiday_move_to_the_next_working_day()
    {
        // 1 Apr + 30 days = 1 May (holiday); 2 May off, 3–4 May weekend: due Monday 5 May at the end of the day.
        Assert.Equal(new DateTimeOffset(2025, 5, 5, 23, 59, 59, Moscow), Russian.Add(At(2025, 4, 1, 10), Span("30d"), Moscow));
    }

    [Fact]
    public void Working_hours_are_counted_in_the_places_own_time_zone()
    {
        var received = new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero); // Monday, 09:00 in Kursk, 13:00 in Krasnoyarsk
        var kursk = Russian.Add(received, Span("8wh"), Moscow);
        var krasnoyarsk = Russian.Add(received, Span("8wh"), TimeSpan.FromHours(7));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 15, 0, 0, TimeSpan.Zero), kursk.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 6, 0, 0, TimeSpan.Zero), krasnoyarsk.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(7), krasnoyarsk.Offset);
    }

    [Theory]
    [InlineData(2025, 247)]
    [InlineData(2026, 247)]
    public void The_shipped_calendar_has_the_official_number_of_working_days(int year, int workingDays)
    {
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));
        Assert.Equal(workingDays, days.Count(Calendar.IsWorkingDay));
    }

    // The published norms of the 40-hour week (consultant.ru, 4dk.ru calendars): 247 days × 8 h less 4 shortened days.
    [Theory]
    [InlineData(2025, 1972)]
    [InlineData(2026, 1972)]
    public void The_shipped_calendar_has_the_official_40_hour_week_norm(int year, int hours)
    {
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));
        var total = days.Sum(d => Calendar.IntervalsOf(d).Sum(i => (i.End - i.Start).TotalHours));
        Assert.Equal(hours, total);
    }

    [Theory]
    [InlineData("3h", 3, DeadlineUnit.Hours)]
    [InlineData("8wh", 8, DeadlineUnit.WorkingHours)]
    [InlineData("30d", 30, DeadlineUnit.Days)]
    [InlineData("5wd", 5, DeadlineUnit.WorkingDays)]
    public void Spans_parse_from_their_short_form(string text, int amount, DeadlineUnit unit)
    {
        Assert.Equal(new DeadlineSpan(amount, unit), DeadlineSpan.TryParse(text));
        Assert.Equal(text, DeadlineSpan.TryParse(text)!.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("-3h")]
    [InlineData("3 hours")]
    public void Malformed_spans_do_not_parse(string text) => Assert.Null(DeadlineSpan.TryParse(text));
}
