namespace Otklik.Ratings.Engine;

/// <summary>A fact, not a sample (upkeep checks, followers over population): no sampling error, never shrunk.</summary>
public sealed class FixedEstimate(double value, long n) : Estimate(value, n)
{
    public override double UnitVariance => 0;

    public override double Draw(Random random) => Value;
}
