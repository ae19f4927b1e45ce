namespace Otklik.Ratings.Engine;

/// <summary>An entity on its way to a score: its estimates and topic factors, before normalization.</summary>
internal sealed record Candidate(
    string Kind,
    string Id,
    string Name,
    string Category,
    string? Level,
    bool Simulated,
    long Volume,
    long Capped,
    string? DataQuality,
    IReadOnlyDictionary<string, Estimate?> Estimates,
    IReadOnlyDictionary<string, double> TopicFactors)
{
    public double Factor(string indicator) => TopicFactors.TryGetValue(indicator, out var f) ? f : 1;

    /// <summary>
    /// The value compared with others: raw × topic factor. A standardized share is not clamped at 1: the clamp would
    /// make two different bodies equal and break "improving never lowers the score".
    /// </summary>
    public static double Adjust(double value, double factor) => value * factor;
}
