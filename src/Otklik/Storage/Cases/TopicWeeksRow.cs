namespace Otklik.Storage.Cases;

/// <summary>A topic's messages (in one city, when asked by city): the recent ones and those of the days before.</summary>
public sealed record TopicWeeksRow(string Topic, string? TopicGroup, string? City, string? Region, long Recent, long Before);
