namespace Otklik.Sla;

/// <summary>Deadlines for a new (or reopened) case: the topic's target, else the topic group's, else the defaults.</summary>
public sealed class SlaPolicy(SlaOptions options)
{
    public SlaOptions Options => options;

    public (DateTimeOffset FirstReply, DateTimeOffset Answer) DeadlinesFor(string? topic, string? topicGroup, DateTimeOffset from)
    {
        var target = (topic is not null && options.Topics.TryGetValue(topic, out var t)) ? t
            : (topicGroup is not null && options.Topics.TryGetValue(topicGroup, out var g)) ? g
            : null;
        return (from + (target?.FirstReply ?? options.FirstReply), from + (target?.Answer ?? options.Answer));
    }
}
