namespace Otklik.Sla;

/// <summary>
/// The two clocks of a case, as regional centres run them. Bound from <c>Otklik:Sla</c>. Simple per-topic targets for
/// now; the deadlines module (time zones, working hours, holidays) plugs in through the analyzer's due times.
/// </summary>
public sealed class SlaOptions
{
    /// <summary>Time to the first public reply ("taken into work"). Defaults to 24 hours, the most regional centres allow.</summary>
    public TimeSpan FirstReply { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Time to the full answer. Defaults to 8 days.</summary>
    public TimeSpan Answer { get; set; } = TimeSpan.FromDays(8);

    /// <summary>Per-topic (or topic-group) targets that override the defaults, e.g. dangerous trees: 3 hours and 2 days.</summary>
    public Dictionary<string, SlaTarget> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long past the answer deadline before the case is escalated to the parent body. Defaults to 24 hours.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the SLA monitor looks. Defaults to one minute (of the app's clock).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Remove message texts of cases closed this many days ago; null keeps them. Statistics stay either way.</summary>
    public int? RetentionDays { get; set; }
}
