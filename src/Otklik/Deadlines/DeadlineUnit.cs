namespace Otklik.Deadlines;

/// <summary>How a deadline's amount is counted.</summary>
public enum DeadlineUnit
{
    /// <summary>Clock hours, nights and holidays included ("24h").</summary>
    Hours,
    /// <summary>Hours inside the working calendar's workdays ("8wh").</summary>
    WorkingHours,
    /// <summary>Calendar days; due at the end of the last local day ("30d").</summary>
    Days,
    /// <summary>Working days after the day of receipt; due at the end of the last one's working hours ("5wd").</summary>
    WorkingDays,
}
