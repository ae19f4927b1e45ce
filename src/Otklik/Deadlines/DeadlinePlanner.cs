namespace Otklik.Deadlines;

/// <summary>Sets both clocks for a new case: picks the rule (topic, group, keywords, local month) and counts in local time.</summary>
public sealed class DeadlinePlanner
{
    private readonly DeadlinePolicy _policy;
    private readonly DeadlineCalculator _calculator;

    public DeadlinePlanner(DeadlinePolicy policy, WorkingCalendar calendar)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _calculator = new DeadlineCalculator(calendar);
    }

    /// <param name="utcOffset">The place's offset (gazetteer); the policy's default when null.</param>
    public CaseDeadlines Plan(DateTimeOffset receivedAt, string? topic, string? group, string? text, TimeSpan? utcOffset = null)
    {
        var offset = utcOffset ?? _policy.DefaultUtcOffset;
        var local = receivedAt.ToOffset(offset);
        var rule = _policy.Select(topic, group, text, local.Month);
        return new CaseDeadlines(local,
            _calculator.Add(local, rule.FirstReply, offset),
            _calculator.Add(local, rule.FullAnswer, offset),
            rule.Name, rule.Priority, offset);
    }
}
