namespace Otklik.Storage.Cases;

/// <summary>A new case that lacks a topic or a body and was not predicted yet: its labels so far and its first message.</summary>
public sealed record UnclassifiedCase(long Id, string? TopicGroup, string? Topic, long? BodyId, string? BodyName, string Channel, string Text, DateTimeOffset ReceivedAt);
