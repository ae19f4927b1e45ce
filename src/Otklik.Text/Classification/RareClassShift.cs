namespace Otklik.Text.Classification;

/// <summary>
/// Per-class score offsets α · ln(largest class / class size) that make a head name rare classes more often. One-vs-rest
/// SVMs rarely let a class with a handful of examples win the argmax, which costs macro-F1 (every class counts alike)
/// while hardly helping accuracy. α is one number chosen on out-of-fold scores, so it cannot fit 71 classes' noise the
/// way a bias per class would.
/// </summary>
internal static class RareClassShift
{
    private const double Step = 0.0025;
    private const int Steps = 80;

    /// <summary>
    /// α and the offsets (all zero when nothing helps) whose argmax on <paramref name="scores"/> has the best macro-F1
    /// among those that lose at most <paramref name="tolerance"/> accuracy and <paramref name="top3Tolerance"/> top-3
    /// accuracy to no shift (top-3 too: a large shift floods the top 3 with rare classes while the best label hardly changes).
    /// </summary>
    public static (float Alpha, float[] Shift) Fit(IReadOnlyList<float[]> scores, int[] labels, int[] sizes, double tolerance, double top3Tolerance)
    {
        var largest = sizes.Max();
        var direction = sizes.Select(n => (float)Math.Log((double)largest / Math.Max(n, 1))).ToArray();
        var (baseAccuracy, baseTop3, bestF1) = Evaluate(scores, labels, direction, 0f);
        var bestAlpha = 0f;
        for (var step = 1; step <= Steps; step++)
        {
            var alpha = (float)(step * Step);
            var (accuracy, top3, f1) = Evaluate(scores, labels, direction, alpha);
            if (accuracy >= baseAccuracy - tolerance - 1e-12 && top3 >= baseTop3 - top3Tolerance - 1e-12 && f1 > bestF1 + 1e-12)
            {
                (bestAlpha, bestF1) = (alpha, f1);
            }
        }

        return (bestAlpha, direction.Select(d => d * bestAlpha).ToArray());
    }

    /// <summary>Adds <paramref name="shift"/> to every score vector.</summary>
    public static void Apply(IReadOnlyList<float[]> scores, float[] shift)
    {
        foreach (var s in scores)
        {
            for (var k = 0; k < s.Length; k++)
            {
                s[k] += shift[k];
            }
        }
    }

    private static (double Accuracy, double Top3, double MacroF1) Evaluate(IReadOnlyList<float[]> scores, int[] labels, float[] direction, float alpha)
    {
        var classes = direction.Length;
        var predicted = new int[labels.Length];
        var top3 = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var s = scores[i];
            var best = 0;
            var bestScore = float.NegativeInfinity;
            for (var k = 0; k < classes; k++)
            {
                var v = s[k] + (alpha * direction[k]);
                if (v > bestScore)
                {
                    (best, bestScore) = (k, v);
                }
            }

            var truth = s[labels[i]] + (alpha * direction[labels[i]]);
            var above = 0;
            for (var k = 0; k < classes; k++)
            {
                if (s[k] + (alpha * direction[k]) > truth)
                {
                    above++;
                }
            }

            if (above < 3)
            {
                top3++;
            }

            predicted[i] = best;
        }

        var (accuracy, macroF1) = Evaluation.Metrics.AccuracyAndMacroF1(predicted, labels, classes);
        return (accuracy, (double)top3 / labels.Length, macroF1);
    }
}
