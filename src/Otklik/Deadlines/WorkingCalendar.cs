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
        IReadOnlySet<int>? coveredYears = null)
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
    }

    /// <summary>Monday–Friday, 09:00–18:00, no holidays: for tests and places with no calendar file.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0), TimeSpan.FromHours(1), [], [], []);

    public TimeOnly WorkdayStart { get; }

    public TimeOnly WorkdayEnd { get; }

    public TimeSpan ShortenedBy { get; }

    public IReadOnlySet<int> CoveredYears { get; }

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
