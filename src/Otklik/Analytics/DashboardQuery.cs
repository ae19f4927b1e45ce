namespace Otklik.Analytics;

/// <summary>
/// What the dashboard shows: created-day range (inclusive, UTC; defaults to the 12 weeks up to today) and optional
/// topic group, region code, city and body.
/// </summary>
public sealed record DashboardQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? TopicGroup { get; init; }
    public string? RegionCode { get; init; }
    public string? City { get; init; }
    public long? BodyId { get; init; }
}
