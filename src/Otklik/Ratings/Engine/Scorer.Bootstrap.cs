using Otklik.Ratings.Method;

namespace Otklik.Ratings.Engine;

internal sealed partial class Scorer
{
    /// <summary>
    /// Redraws every estimate from its sufficient statistics, recomputes percentile ranks and scores with the same
    /// reliabilities and topic factors, and reads intervals off the replicates. Neighbours in the point ranking whose
    /// order holds in fewer than <see cref="BootstrapSettings.Confidence"/> of the replicates are statistically tied.
    /// </summary>
    private BootstrapResult? Bootstrap(
        IReadOnlyList<Candidate> candidates, int[] rated, bool[,] eligible, double[,] adjusted, double[,] reliability, double[] available)
    {
        var replicates = method.Bootstrap.Replicates;
        if (replicates == 0 || rated.Length == 0)
        {
            return null;
        }

        var n = candidates.Count;
        var k = _indicators.Count;
        var seed = method.Bootstrap.Seed ^ (int)(StableHash.Of(category.Id) & 0x7fffffff);
        var scores = new float[replicates][];

        // Everything a replicate touches is laid out once, per indicator and contiguous: who is eligible, their
        // estimates, factors and reliabilities. A replicate then allocates nothing but its row of scores.
        var members = new int[k][];
        var estimates = new Estimate[k][];
        var factors = new double[k][];
        var reliabilities = new double[k][];
        for (var ind = 0; ind < k; ind++)
        {
            var id = _indicators[ind].Definition.Id;
            var eligibleHere = Enumerable.Range(0, n).Where(e => eligible[ind, e]).ToArray();
            members[ind] = eligibleHere;
            estimates[ind] = eligibleHere.Select(e => candidates[e].Estimates[id]!).ToArray();
            factors[ind] = eligibleHere.Select(e => candidates[e].Factor(id)).ToArray();
            reliabilities[ind] = eligibleHere.Select(e => reliability[ind, e]).ToArray();
        }

        // Replicates are independent: each has its own seeded generator (so the result does not depend on how they
        // are spread over threads) and its own buffers, one set per thread.
        Parallel.For(
            0,
            replicates,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new ReplicateBuffers(n),
            (b, _, buffers) =>
            {
                var random = new Random(seed ^ (int)(StableHash.Of(category.Id, b.ToString(System.Globalization.CultureInfo.InvariantCulture)) & 0x7fffffff));
                var sums = buffers.Sums;
                Array.Clear(sums);
                for (var ind = 0; ind < k; ind++)
                {
                    var sign = _indicators[ind].Definition.Direction == Direction.HigherIsBetter ? 1.0 : -1.0;
                    var weight = _indicators[ind].Weight;
                    var who = members[ind];
                    var drawn = estimates[ind];
                    var factor = factors[ind];
                    var trust = reliabilities[ind];
                    var m = who.Length;
                    for (var i = 0; i < m; i++)
                    {
                        buffers.Oriented[i] = sign * Candidate.Adjust(drawn[i].Draw(random), factor[i]);
                    }

                    PercentileRanks(buffers.Oriented.AsSpan(0, m), buffers.Ranks.AsSpan(0, m), buffers.Order.AsSpan(0, m), buffers.Keys.AsSpan(0, m));
                    // Summed indicator by indicator in the same order as the point score, into one row: the entity's
                    // indicators are k far-apart columns, and walking them per entity missed the cache every time.
                    for (var i = 0; i < m; i++)
                    {
                        sums[who[i]] += weight * (50 + trust[i] * (buffers.Ranks[i] - 50));
                    }
                }

                var row = new float[rated.Length];
                for (var position = 0; position < rated.Length; position++)
                {
                    var e = rated[position];
                    row[position] = (float)(sums[e] / available[e]);
                }

                scores[b] = row;
                return buffers;
            },
            _ => { });

        return Intervals(scores, rated.Length);
    }

    private BootstrapResult Intervals(float[][] scores, int count)
    {
        var replicates = scores.Length;
        var tail = (1 - method.Bootstrap.Confidence) / 2;
        var rankDraws = new int[count][];
        for (var position = 0; position < count; position++)
        {
            rankDraws[position] = new int[replicates];
        }

        var order = new int[count];
        var keys = new float[count];
        for (var b = 0; b < replicates; b++)
        {
            for (var position = 0; position < count; position++)
            {
                order[position] = position;
                keys[position] = -scores[b][position];
            }

            Array.Sort(keys, order);
            for (var i = 0; i < count; i++)
            {
                // Competition rank: equal replicate scores share the better rank.
                rankDraws[order[i]][b] = i > 0 && keys[i] == keys[i - 1] ? rankDraws[order[i - 1]][b] : i + 1;
            }
        }

        // Neighbours are tied unless the better one stays ahead in at least `Confidence` of the replicates.
        var linkedToNext = new bool[count];
        for (var position = 0; position + 1 < count; position++)
        {
            double ahead = 0;
            for (var b = 0; b < replicates; b++)
            {
                var diff = scores[b][position] - scores[b][position + 1];
                ahead += diff > 0 ? 1 : diff == 0 ? 0.5 : 0;
            }

            linkedToNext[position] = ahead / replicates < method.Bootstrap.Confidence;
        }

        // Group ends computed from the back in one pass: a long chain of ties must not cost n² (100,000 accounts).
        var groupEnds = new int[count];
        for (var position = count - 1; position >= 0; position--)
        {
            groupEnds[position] = position + 1 < count && linkedToNext[position] ? groupEnds[position + 1] : position;
        }

        var intervals = new BootstrapResult.Interval[count];
        var groupStart = 0;
        var column = new double[replicates];
        for (var position = 0; position < count; position++)
        {
            if (position > 0 && !linkedToNext[position - 1])
            {
                groupStart = position;
            }

            var groupEnd = groupEnds[position];
            for (var b = 0; b < replicates; b++)
            {
                column[b] = scores[b][position];
            }

            Array.Sort(column);
            var ranks = rankDraws[position];
            Array.Sort(ranks);
            intervals[position] = new BootstrapResult.Interval(
                column[Lower(replicates, tail)], column[Upper(replicates, tail)],
                ranks[Lower(replicates, tail)], ranks[Upper(replicates, tail)],
                groupStart + 1, groupEnd + 1);
        }

        return new BootstrapResult(intervals);
    }

    private static int Lower(int n, double tail) => Math.Clamp((int)Math.Floor(tail * n), 0, n - 1);

    private static int Upper(int n, double tail) => Math.Clamp((int)Math.Ceiling((1 - tail) * n) - 1, 0, n - 1);
}
