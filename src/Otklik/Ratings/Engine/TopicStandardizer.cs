namespace Otklik.Ratings.Engine;

/// <summary>
/// Indirect standardization by topic mix: each body is compared with what the other bodies achieve on the same topics.
/// For a time: factor = exp(μ − Σₜ nₜ·μₜ⁽⁻ᵇ⁾ / Σₜ nₜ), for a share: factor = P / (Σₜ nₜ·pₜ⁽⁻ᵇ⁾ / Σₜ nₜ), where nₜ are the
/// body's own cases on topic t, μₜ⁽⁻ᵇ⁾ and pₜ⁽⁻ᵇ⁾ the other bodies' mean log-time and share on t, and μ, P everyone's.
/// Adjusted = raw × factor: a body given the slow topics is not punished for them.
/// </summary>
/// <remarks>
/// The expectation leaves the body out, so its own performance never moves its own yardstick; μ and P are common to
/// everyone, so they scale, but never reorder, a category. Topics no other body handles drop out of the expectation.
/// </remarks>
internal static class TopicStandardizer
{
    public static Dictionary<string, double> Factors(BodyAccumulator body, Dictionary<int, TopicCell> totals, TopicCell overall, IEnumerable<string> indicators)
    {
        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            var (allSum, allCount) = overall.Measure(indicator);
            if (allCount == 0)
            {
                continue;
            }

            double expected = 0;
            long weight = 0;
            foreach (var (topic, cell) in body.Topics)
            {
                var (ownSum, ownCount) = cell.Measure(indicator);
                var (sum, count) = totals[topic].Measure(indicator);
                if (ownCount == 0 || count - ownCount == 0)
                {
                    continue;
                }

                expected += ownCount * (sum - ownSum) / (count - ownCount);
                weight += ownCount;
            }

            if (weight == 0)
            {
                continue;
            }

            expected /= weight;
            var everyone = allSum / allCount;
            factors[indicator] = IndicatorCatalog.IsTime(indicator)
                ? Math.Exp(everyone - expected)
                : expected > 0 ? everyone / expected : 1;
        }

        return factors;
    }
}
