namespace Otklik.Ratings.Results;

/// <summary>An entity's place in an earlier (or the current) period.</summary>
public sealed record HistoryPoint(string Period, double? Score, int? Rank);
