namespace Otklik.Server.Apis;

/// <summary>The quarters the public ratings can be shown for, oldest first, and the current one.</summary>
public sealed record RatingsPeriods(IReadOnlyList<string> Periods, string Current);
