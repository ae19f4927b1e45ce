namespace Otklik.Ratings.Method;

/// <summary>How confidence intervals are drawn.</summary>
/// <param name="Replicates">Bootstrap replicates; 0 turns intervals off. Cost grows linearly.</param>
/// <param name="Seed">The same seed and input give the same intervals, byte for byte.</param>
/// <param name="Confidence">Interval level, and the share of replicates that must keep two neighbours' order for them not to be tied.</param>
public sealed record BootstrapSettings(int Replicates, int Seed, double Confidence);
