namespace Otklik.Sla;

/// <summary>The two deadlines for one topic or topic group.</summary>
public sealed class SlaTarget
{
    public TimeSpan FirstReply { get; set; }

    public TimeSpan Answer { get; set; }
}
