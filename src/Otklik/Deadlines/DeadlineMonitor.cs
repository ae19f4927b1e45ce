namespace Otklik.Deadlines;

/// <summary>Tells which clocks of a case are overdue, by the injected <see cref="TimeProvider"/> (tests use a fake one).</summary>
public sealed class DeadlineMonitor
{
    private readonly TimeProvider _time;

    public DeadlineMonitor(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <param name="firstRepliedAt">When the first public reply went out; null while it has not.</param>
    /// <param name="answeredAt">When the full answer went out; null while it has not.</param>
    public (ClockState FirstReply, ClockState FullAnswer) Check(CaseDeadlines deadlines, DateTimeOffset? firstRepliedAt, DateTimeOffset? answeredAt)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var now = _time.GetUtcNow();
        // A full answer is also a reply: the first clock stops when either goes out.
        var replied = firstRepliedAt ?? answeredAt;
        return (State(DeadlineClock.FirstReply, deadlines.FirstReplyDue, replied, now),
                State(DeadlineClock.FullAnswer, deadlines.FullAnswerDue, answeredAt, now));
    }

    /// <summary>Whether any clock of the case is overdue now.</summary>
    public bool IsOverdue(CaseDeadlines deadlines, DateTimeOffset? firstRepliedAt, DateTimeOffset? answeredAt)
    {
        var (first, full) = Check(deadlines, firstRepliedAt, answeredAt);
        return first.IsOverdue || full.IsOverdue;
    }

    private static ClockState State(DeadlineClock clock, DateTimeOffset due, DateTimeOffset? doneAt, DateTimeOffset now) =>
        doneAt is { } done
            ? new ClockState(clock, done <= due ? ClockStatus.Met : ClockStatus.MetLate, due, due - done)
            : new ClockState(clock, now <= due ? ClockStatus.Running : ClockStatus.Overdue, due, due - now);
}
