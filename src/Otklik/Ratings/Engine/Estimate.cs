namespace Otklik.Ratings.Engine;

/// <summary>
/// One entity's raw value of one indicator, the n it rests on, and how to draw a bootstrap replicate of it
/// from the sufficient statistics kept (the engine keeps no per-case rows).
/// </summary>
public abstract class Estimate
{
    protected Estimate(double value, long n)
    {
        Value = value;
        N = n;
    }

    /// <summary>The raw value: hours, a share, posts per week.</summary>
    public double Value { get; }

    /// <summary>How many cases, posts, comments or weeks the value rests on.</summary>
    public long N { get; }

    /// <summary>The value on the scale the between-entity variance is estimated on (the logarithm for times).</summary>
    public virtual double AnalysisValue => Value;

    /// <summary>The variance of one observation on the analysis scale: the standard error squared is this over <see cref="N"/>.</summary>
    public abstract double UnitVariance { get; }

    /// <summary>A bootstrap replicate of <see cref="Value"/>.</summary>
    public abstract double Draw(Random random);
}
