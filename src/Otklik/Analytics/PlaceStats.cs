namespace Otklik.Analytics;

/// <summary>Cases of the period in one city (the map's points; coordinates come from the gazetteer on the client).</summary>
public sealed record PlaceStats(string City, string? Region, string? RegionCode, long Cases);
