namespace Otklik.Deadlines;

/// <summary>
/// Workdays and their hours: weekends, public holidays, transferred days off, working weekends (переносы) and shortened
/// pre-holiday days. Dates outside <see cref="CoveredYears"/> fall back to "Monday–Friday" — extend the file each year.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workingWeekends;
    private readonly HashSet<DateOnly> _shortDays;

    public WorkingCalendar(
        TimeOnly workdayStart,
        TimeOnly workdayEnd,
        TimeSpan shortenedBy,
        IEnumerable<DateOnly> daysOff,
        IEnumerable<DateOnly> workingWeekends,
        IEnumerable<DateOnly> shortDays,
        IReadOnlySet<int>? coveredYears = null,
        (TimeOnly Start, TimeOnly End)? lunch = null)
    {
        if (workdayEnd <= workdayStart)
        {
            throw new ArgumentException("the workday must end after it starts", nameof(workdayEnd));
        }

        WorkdayStart = workdayStart;
        WorkdayEnd = workdayEnd;
        ShortenedBy = shortenedBy;
        _daysOff = daysOff.ToHashSet();
        _workingWeekends = workingWeekends.ToHashSet();
        _shortDays = shortDays.ToHashSet();
        CoveredYears = coveredYears ?? new HashSet<int>();
        Lunch = lunch;
    }

    /// <summary>Monday–Friday, 09:00–18:00 with lunch 13:00–14:00, no holidays: for tests and places with no calendar file.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } =
        new(new TimeOnly(9, 0), new TimeOnly(18, 0), TimeSpan.FromHours(1), [], [], [], lunch: (new TimeOnly(13, 0), new TimeOnly(14, 0)));

    public TimeOnly WorkdayStart { get; }

    public TimeOnly WorkdayEnd { get; }

    public TimeSpan ShortenedBy { get; }

    public IReadOnlySet<int> CoveredYears { get; }

    /// <summary>A break inside the workday that does not count (13:00–14:00 makes 09:00–18:00 an 8-hour day); null for none.</summary>
    public (TimeOnly Start, TimeOnly End)? Lunch { get; }

    /// <summary>The working intervals of a date, in order: the workday split by lunch; empty on a day off.</summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> IntervalsOf(DateOnly date)
    {
        if (HoursOf(date) is not { } day)
        {
            return [];
        }

        if (Lunch is not { } lunch || lunch.End <= day.Start || lunch.Start >= day.End)
        {
            return [day];
        }

        var result = new List<(TimeOnly, TimeOnly)>(2);
        if (lunch.Start > day.Start)
        {
            result.Add((day.Start, lunch.Start));
        }

        if (lunch.End < day.End)
        {
            result.Add((lunch.End, day.End));
        }

        return result;
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_workingWeekends.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(date);
    }

    /// <summary>The working hours of a date, local time; null on a day off. Pre-holiday days end <see cref="ShortenedBy"/> earlier.</summary>
    public (TimeOnly Start, TimeOnly End)? HoursOf(DateOnly date) =>
        !IsWorkingDay(date) ? null
        : _shortDays.Contains(date) ? (WorkdayStart, WorkdayEnd.Add(-ShortenedBy))
        : (WorkdayStart, WorkdayEnd);
}
