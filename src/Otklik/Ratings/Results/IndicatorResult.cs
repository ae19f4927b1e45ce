namespace Otklik.Ratings.Results;

/// <summary>One line of a score's breakdown: where the number came from.</summary>
/// <param name="Raw">The entity's own value (hours, share, per week); null when it has none.</param>
/// <param name="N">Cases, posts, comments or weeks the value rests on.</param>
/// <param name="TopicFactor">The topic-mix factor (1 when not standardized): Adjusted = Raw × TopicFactor.</param>
/// <param name="Eligible">Whether N reached the minimum sample; if not, the indicator's weight went to the others.</param>
/// <param name="PercentileRank">0–100 among the category's eligible entities, 100 best.</param>
/// <param name="Reliability">The empirical-Bayes weight w in [0, 1]: Normalized = 50 + w × (PercentileRank − 50).</param>
/// <param name="Weight">The indicator's share of this entity's score (its weight over the weights of eligible indicators).</param>
public sealed record IndicatorResult(
    string Id,
    double? Raw,
    long N,
    double TopicFactor,
    double? Adjusted,
    bool Eligible,
    double? PercentileRank,
    double? Reliability,
    double? Normalized,
    double Weight)
{
    /// <summary>The points this indicator brings to the score: Weight × Normalized.</summary>
    public double Contribution => Eligible && Normalized is { } normalized ? Weight * normalized : 0;
}
