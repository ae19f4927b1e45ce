namespace Otklik.Storage.Cases;

/// <summary>What an open case must share with a new message to be a candidate for joining it: topic, body and place (null matches null).</summary>
public sealed record CandidateKey(string? Topic, long? BodyId, string? RegionCode, string? City);
