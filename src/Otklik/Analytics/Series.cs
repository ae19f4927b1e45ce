namespace Otklik.Analytics;

/// <summary>One line or stack of a chart: a name and a count per bucket.</summary>
public sealed record Series(string Key, IReadOnlyList<long> Counts);
