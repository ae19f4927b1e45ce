using Otklik.Ratings.Method;

namespace Otklik.Ratings.Engine;

internal sealed partial class Scorer
{
    /// <summary>
    /// Percentile rank in 0–100 among the eligible: (others strictly worse + half the others equal) / (eligible − 1).
    /// A lone eligible entity gets 50: there is nobody to be better than.
    /// </summary>
    internal static void PercentileRanks(int ind, Direction direction, bool[,] eligible, double[,] values, double[,] output)
    {
        var n = eligible.GetLength(1);
        var members = Enumerable.Range(0, n).Where(e => eligible[ind, e]).ToArray();
        var oriented = members.Select(e => direction == Direction.HigherIsBetter ? values[ind, e] : -values[ind, e]).ToArray();
        var ranks = PercentileRanks(oriented);
        for (var i = 0; i < members.Length; i++)
        {
            output[ind, members[i]] = ranks[i];
        }
    }

    /// <summary>Percentile ranks of values where higher is better.</summary>
    internal static double[] PercentileRanks(double[] oriented)
    {
        var m = oriented.Length;
        var result = new double[m];
        PercentileRanks(oriented, result, new int[m], new double[m]);
        return result;
    }

    /// <summary>The same into caller-owned buffers: the bootstrap calls it replicates × indicators times.</summary>
    internal static void PercentileRanks(ReadOnlySpan<double> oriented, Span<double> result, Span<int> order, Span<double> keys)
    {
        var m = oriented.Length;
        if (m == 0)
        {
            return;
        }

        if (m == 1)
        {
            result[0] = 50;
            return;
        }

        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        oriented.CopyTo(keys);
        keys.Sort(order);
        var start = 0;
        while (start < m)
        {
            var end = start;
            while (end + 1 < m && keys[end + 1] == keys[start])
            {
                end++;
            }

            var rank = (start + 0.5 * (end - start)) / (m - 1) * 100;
            for (var i = start; i <= end; i++)
            {
                result[order[i]] = rank;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// The empirical-Bayes reliability w = τ² / (τ² + SE²) of each eligible entity, leave-one-out: τ² is the variance of
    /// the other entities' values minus their mean squared standard error (method of moments, floored at 0), and SE² is
    /// the others' mean unit variance over the entity's own n. With fewer than three others there is nothing to
    /// estimate from and w = 1; facts without sampling error (upkeep) have w = 1.
    /// </summary>
    private void Reliabilities(int ind, IReadOnlyList<Candidate> candidates, bool[,] eligible, double[,] output)
    {
        var id = _indicators[ind].Definition.Id;
        var members = Enumerable.Range(0, candidates.Count).Where(e => eligible[ind, e]).ToArray();
        double s1 = 0, s2 = 0, sNoise = 0, sUnit = 0;
        foreach (var e in members)
        {
            var estimate = candidates[e].Estimates[id]!;
            s1 += estimate.AnalysisValue;
            s2 += estimate.AnalysisValue * estimate.AnalysisValue;
            sNoise += estimate.UnitVariance / estimate.N;
            sUnit += estimate.UnitVariance;
        }

        foreach (var e in members)
        {
            var estimate = candidates[e].Estimates[id]!;
            var others = members.Length - 1;
            if (!method.Shrinkage || estimate is FixedEstimate || others < 3)
            {
                output[ind, e] = 1;
                continue;
            }

            var o1 = s1 - estimate.AnalysisValue;
            var o2 = s2 - estimate.AnalysisValue * estimate.AnalysisValue;
            var oNoise = sNoise - estimate.UnitVariance / estimate.N;
            var oUnit = sUnit - estimate.UnitVariance;
            var between = Math.Max(0, (o2 - o1 * o1 / others) / (others - 1) - oNoise / others);
            var se2 = oUnit / others / estimate.N;
            output[ind, e] = between + se2 <= 0 ? 1 : between / (between + se2);
        }
    }
}
