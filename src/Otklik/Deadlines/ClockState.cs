namespace Otklik.Deadlines;

/// <summary>One clock's state. <see cref="Slack"/> is due minus now (or minus the moment it was done): negative when late.</summary>
public sealed record ClockState(DeadlineClock Clock, ClockStatus Status, DateTimeOffset Due, TimeSpan Slack)
{
    public bool IsOverdue => Status == ClockStatus.Overdue;
}
