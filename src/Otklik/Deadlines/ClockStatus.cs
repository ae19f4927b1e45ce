namespace Otklik.Deadlines;

/// <summary>Where a deadline stands.</summary>
public enum ClockStatus
{
    /// <summary>Not done, not yet due.</summary>
    Running,
    /// <summary>Done in time.</summary>
    Met,
    /// <summary>Not done, and due has passed.</summary>
    Overdue,
    /// <summary>Done, but after it was due.</summary>
    MetLate,
}
