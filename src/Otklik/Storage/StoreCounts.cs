namespace Otklik.Storage;

/// <summary>How many rows each main table holds.</summary>
public sealed record StoreCounts(long Messages, long Cases, long Bodies, long Quarantined);
