namespace Otklik.Ratings.Engine;

/// <summary>k of n. Its bootstrap replicate is Binomial(n, k/n)/n, which is exactly resampling n yes/no outcomes.</summary>
public sealed class ShareEstimate(long k, long n) : Estimate(n == 0 ? double.NaN : (double)k / n, n)
{
    public long K { get; } = k;

    // (k + 0.5)/(n + 1) keeps an all-yes or all-no entity from claiming zero uncertainty.
    public override double UnitVariance
    {
        get
        {
            var p = (K + 0.5) / (N + 1.0);
            return p * (1 - p);
        }
    }

    public override double Draw(Random random) => N == 0 ? double.NaN : Sampling.Binomial(random, N, Value) / (double)N;
}
