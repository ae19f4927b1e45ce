namespace Otklik.Storage.Cases;

/// <summary>Cases created on one day about one topic in one city, and the messages they hold (the rollup behind "top problems" and spikes).</summary>
public sealed record TopicDayRow(string Day, string? TopicGroup, string? Topic, string? City, string? Region, long Cases, long Messages);
