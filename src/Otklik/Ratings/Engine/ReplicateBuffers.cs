namespace Otklik.Ratings.Engine;

/// <summary>The scratch arrays one bootstrap thread reuses across its replicates (n = the category's candidates).</summary>
internal sealed class ReplicateBuffers(int n)
{
    public readonly double[] Oriented = new double[n];
    public readonly double[] Ranks = new double[n];
    public readonly int[] Order = new int[n];
    public readonly double[] Keys = new double[n];

    /// <summary>Each candidate's weighted sum of normalized percentile ranks in the current replicate.</summary>
    public readonly double[] Sums = new double[n];
}
