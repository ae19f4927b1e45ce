namespace Otklik.Analytics;

/// <summary>A topic's messages (a mass complaint counts each) in the last 7 days of the period against the 7 days before.</summary>
public sealed record TopProblem(string Topic, string? TopicGroup, long ThisWeek, long LastWeek, long Change);
