namespace Otklik.Storage.Cases;

/// <summary>A body a batch names: its id and, when the registry knows it, its region code and region name.</summary>
public sealed record ResolvedBody(long Id, string? RegionCode, string? Region);
