namespace Otklik.Ratings.Engine;

/// <summary>
/// A quantile of durations. Its bootstrap replicate uses the fact that the k-th order statistic of n draws from the
/// empirical distribution is F⁻¹(U) with U ~ Beta(k, n − k + 1): the same as resampling the n durations, at O(1) cost.
/// </summary>
public sealed class QuantileEstimate(LogHistogram histogram, double q) : Estimate(histogram.Quantile(q), histogram.Count)
{
    public override double AnalysisValue => Math.Log(Math.Max(Value, 1.0 / 60));

    // Asymptotic variance of a sample quantile of a log-normal sample, on the log scale: q(1-q)/φ(z_q)² · σ².
    public override double UnitVariance => Sampling.QuantileVarianceFactor(q) * histogram.VarianceLog;

    public override double Draw(Random random)
    {
        var n = histogram.Count;
        var k = LogHistogram.RankOf(q, n);
        var u = Sampling.Beta(random, k, n - k + 1);
        return histogram.ValueAtRank(LogHistogram.RankOf(u, n));
    }
}
