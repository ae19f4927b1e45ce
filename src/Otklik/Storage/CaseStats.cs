namespace Otklik.Storage;

/// <summary>Case counts by topic group, topic and responsible body, largest first.</summary>
public sealed record CaseStats(
    long Cases,
    long Messages,
    IReadOnlyList<CountRow> ByTopicGroup,
    IReadOnlyList<CountRow> ByTopic,
    IReadOnlyList<CountRow> ByBody);
