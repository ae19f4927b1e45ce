namespace Otklik.Server.Apis;

/// <summary>An operator's correction of a case's topic.</summary>
public sealed record LabelInput(string? Topic, string? TopicGroup);
