namespace Otklik.Storage.Cases;

/// <summary>Filters of the analytics rollups: days inclusive ('YYYY-MM-DD', UTC), the rest optional and combined with AND.</summary>
public sealed record RollupFilter(string FromDay, string ToDay)
{
    public string? TopicGroup { get; init; }
    public string? RegionCode { get; init; }
    public string? City { get; init; }
    public long? BodyId { get; init; }
}
