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
        if (m == 0)
        {
            return result;
        }

        if (m == 1)
        {
            result[0] = 50;
            return result;
        }

        var order = Enumerable.Range(0, m).ToArray();
        Array.Sort(oriented.ToArray(), order);
        var start = 0;
        while (start < m)
        {
            var end = start;
            while (end + 1 < m && oriented[order[end + 1]] == oriented[order[start]])
            {
                end++;
            }

            var group = end - start + 1;
            var rank = (start + 0.5 * (group - 1)) / (m - 1) * 100;
            for (var i = start; i <= end; i++)
            {
                result[order[i]] = rank;
            }

            start = end + 1;
        }

        return result;
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
