namespace Otklik.Deadlines;

/// <summary>
/// Adds a <see cref="DeadlineSpan"/> to a moment, counting in the local time of the place (a fixed UTC offset, as the
/// gazetteer gives: Russia has had no daylight saving since 2014). Results carry that offset.
/// </summary>
public sealed class DeadlineCalculator
{
    /// <summary>Guards against a calendar with no working days at all.</summary>
    private const int MaxDays = 3660;

    public DeadlineCalculator(WorkingCalendar calendar) =>
        Calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    public WorkingCalendar Calendar { get; }

    public DateTimeOffset Add(DateTimeOffset start, DeadlineSpan span, TimeSpan utcOffset)
    {
        var local = start.ToOffset(utcOffset);
        return span.Unit switch
        {
            DeadlineUnit.Hours => local.AddHours(span.Amount),
            DeadlineUnit.WorkingHours => AddWorkingHours(local, TimeSpan.FromHours(span.Amount)),
            DeadlineUnit.Days => EndOfDay(NextWorkingDayFrom(DateOnly.FromDateTime(local.DateTime).AddDays(span.Amount)), utcOffset),
            _ => AddWorkingDays(local, span.Amount),
        };
    }

    /// <summary>Walks the working intervals day by day; time outside them (nights, weekends, holidays) does not count.</summary>
    private DateTimeOffset AddWorkingHours(DateTimeOffset local, TimeSpan remaining)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < MaxDays; i++, date = date.AddDays(1), time = TimeOnly.MinValue)
        {
            foreach (var (start, end) in Calendar.IntervalsOf(date))
            {
                var from = time > start ? time : start;
                if (from >= end)
                {
                    continue;
                }

                var available = end - from;
                if (remaining <= available)
                {
                    return At(date, from.Add(remaining), local.Offset);
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("the working calendar has no working time in ten years");
    }

    /// <summary>Counting starts the day after receipt; due at the end of the last working day's hours.</summary>
    private DateTimeOffset AddWorkingDays(DateTimeOffset local, int days)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (Calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return At(date, Calendar.HoursOf(date)!.Value.End, local.Offset);
    }

    /// <summary>A term ending on a day off ends on the next working day (Civil Code art. 193).</summary>
    private DateOnly NextWorkingDayFrom(DateOnly date)
    {
        for (var i = 0; i < MaxDays && !Calendar.IsWorkingDay(date); i++)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateTimeOffset EndOfDay(DateOnly date, TimeSpan offset) => At(date, new TimeOnly(23, 59, 59), offset);

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeSpan offset) => new(date.ToDateTime(time), offset);
}
