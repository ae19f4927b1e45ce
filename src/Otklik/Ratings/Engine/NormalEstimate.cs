namespace Otklik.Ratings.Engine;

/// <summary>A mean or ratio with a standard error from its sums (delta method); replicates are normal, floored at zero.</summary>
public sealed class NormalEstimate(double value, double standardError, long n) : Estimate(value, n)
{
    public double StandardError { get; } = standardError;

    public override double UnitVariance => StandardError * StandardError * N;

    public override double Draw(Random random) => Math.Max(0, Value + StandardError * Sampling.Normal(random));
}
