using Otklik.Text.Features;

namespace Otklik.Text.Classification;

/// <summary>
/// One-vs-rest linear SVMs (L2-regularized, squared hinge loss) trained by dual coordinate descent with shrinking,
/// the solver of LIBLINEAR (Hsieh et al., 2008) that scikit-learn's LinearSVC also uses. Classes train in parallel.
/// </summary>
internal static class LinearSvmTrainer
{
    private const int MaxIterations = 1000;
    private const double Tolerance = 0.1;

    /// <summary>
    /// Class-major weights, one array per class of length columns + 1 (the last is the bias, a constant feature 1).
    /// <paramref name="positiveWeight"/> scales C for each class's positive examples (rare classes get more).
    /// </summary>
    public static float[][] Train(IReadOnlyList<SparseRow> rows, int[] labels, int classCount, int columns, double c,
        Func<int, double> positiveWeight, int seed, int maxDegreeOfParallelism)
    {
        var weights = new float[classCount][];
        var squaredNorms = rows.Select(r => r.Values.Sum(v => (double)v * v) + 1.0).ToArray();
        Parallel.For(0, classCount, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            weights[k] = TrainOne(rows, labels, k, columns, c * positiveWeight(k), c, squaredNorms, seed + k);
        });
        return weights;
    }

    private static float[] TrainOne(IReadOnlyList<SparseRow> rows, int[] labels, int positive, int columns,
        double cPositive, double cNegative, double[] squaredNorms, int seed)
    {
        var n = rows.Count;
        var w = new double[columns + 1];
        var alpha = new double[n];
        var y = new sbyte[n];
        var diag = new double[n];
        var qd = new double[n];
        var index = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = labels[i] == positive ? (sbyte)1 : (sbyte)-1;
            diag[i] = 0.5 / (y[i] > 0 ? cPositive : cNegative);
            qd[i] = squaredNorms[i] + diag[i];
            index[i] = i;
        }

        var random = new Random(seed);
        var active = n;
        double pgMaxOld = double.PositiveInfinity, pgMinOld = double.NegativeInfinity;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double pgMax = double.NegativeInfinity, pgMin = double.PositiveInfinity;
            for (var s = 0; s < active; s++)
            {
                var j = s + random.Next(active - s);
                (index[s], index[j]) = (index[j], index[s]);
            }

            for (var s = 0; s < active; s++)
            {
                var i = index[s];
                var row = rows[i];
                var dot = w[columns];
                for (var p = 0; p < row.Columns.Length; p++)
                {
                    dot += w[row.Columns[p]] * row.Values[p];
                }

                var g = y[i] * dot - 1 + alpha[i] * diag[i];
                var pg = 0.0;
                if (alpha[i] == 0)
                {
                    if (g > pgMaxOld)
                    {
                        // Shrinking: this example sits far on the right side; stop looking at it until the end.
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }

                    if (g < 0)
                    {
                        pg = g;
                    }
                }
                else
                {
                    pg = g;
                }

                pgMax = Math.Max(pgMax, pg);
                pgMin = Math.Min(pgMin, pg);
                if (Math.Abs(pg) > 1e-12)
                {
                    var old = alpha[i];
                    alpha[i] = Math.Max(old - g / qd[i], 0);
                    var d = (alpha[i] - old) * y[i];
                    for (var p = 0; p < row.Columns.Length; p++)
                    {
                        w[row.Columns[p]] += d * row.Values[p];
                    }

                    w[columns] += d;
                }
            }

            if (pgMax - pgMin <= Tolerance)
            {
                if (active == n)
                {
                    break;
                }

                active = n;
                pgMaxOld = double.PositiveInfinity;
                pgMinOld = double.NegativeInfinity;
                continue;
            }

            pgMaxOld = pgMax <= 0 ? double.PositiveInfinity : pgMax;
            pgMinOld = pgMin >= 0 ? double.NegativeInfinity : pgMin;
        }

        return w.Select(v => (float)v).ToArray();
    }
}
