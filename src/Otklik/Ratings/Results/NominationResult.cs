using Otklik.Ratings.Method;

namespace Otklik.Ratings.Results;

/// <summary>The winner of a nomination; <paramref name="Tied"/> when the runner-up is statistically tied with it.</summary>
public sealed record NominationResult(string Id, LocalizedText Title, string? WinnerId, string? WinnerName, double? Score, bool Tied, bool Simulated);
