namespace Otklik.Text.Classification;

/// <summary>
/// An isotonic (monotone) map from a head's softmax confidence in its best label to the observed hit rate, fitted on
/// out-of-fold predictions by pool-adjacent-violators and applied by linear interpolation between the pooled blocks.
/// A temperature alone cannot fix this model family: softmax over one-vs-rest SVM scores gives half the texts a
/// confidence near 1 while only about 3 in 4 of those are right, and the middle of the range is too high as well.
/// </summary>
/// <param name="From">Block mean confidences, ascending.</param>
/// <param name="To">Block hit rates, non-decreasing.</param>
public sealed record ConfidenceMap(IReadOnlyList<double> From, IReadOnlyList<double> To)
{
    /// <summary>Fits the map; <paramref name="confidence"/>[i] is the best label's probability, <paramref name="correct"/>[i] whether it was right.</summary>
    public static ConfidenceMap Fit(IReadOnlyList<double> confidence, IReadOnlyList<bool> correct)
    {
        ArgumentNullException.ThrowIfNull(confidence);
        ArgumentNullException.ThrowIfNull(correct);
        var order = Enumerable.Range(0, confidence.Count).OrderBy(i => confidence[i]).ToArray();
        var sumX = new List<double>();
        var sumY = new List<double>();
        var count = new List<int>();
        foreach (var i in order)
        {
            sumX.Add(confidence[i]);
            sumY.Add(correct[i] ? 1 : 0);
            count.Add(1);
            // Pool while the block before has a higher hit rate than this one.
            while (sumY.Count > 1 && sumY[^2] / count[^2] >= sumY[^1] / count[^1])
            {
                sumX[^2] += sumX[^1];
                sumY[^2] += sumY[^1];
                count[^2] += count[^1];
                sumX.RemoveAt(sumX.Count - 1);
                sumY.RemoveAt(sumY.Count - 1);
                count.RemoveAt(count.Count - 1);
            }
        }

        return new ConfidenceMap(
            sumX.Select((x, b) => Math.Round(x / count[b], 6)).ToArray(),
            sumY.Select((y, b) => Math.Round(y / count[b], 6)).ToArray());
    }

    /// <summary>The calibrated confidence for softmax confidence <paramref name="p"/>.</summary>
    public double Apply(double p)
    {
        if (From.Count == 0)
        {
            return p;
        }

        if (p <= From[0])
        {
            return To[0];
        }

        if (p >= From[^1])
        {
            return To[^1];
        }

        int lo = 0, hi = From.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (From[mid] <= p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = From[hi] - From[lo];
        return span <= 0 ? To[hi] : To[lo] + ((To[hi] - To[lo]) * (p - From[lo]) / span);
    }

    /// <summary>
    /// Replaces the best label's probability with its calibrated value and rescales the others to the remaining mass,
    /// always below the best (so the best stays first; the sum may then fall below 1).
    /// </summary>
    public void Calibrate(Span<double> probabilities)
    {
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        var p = probabilities[best];
        var calibrated = Apply(p);
        var scale = p < 1 ? (1 - calibrated) / (1 - p) : 0;
        // Strictly below the best, so that a tie cannot hand the first place to a label listed earlier.
        var ceiling = Math.BitDecrement(calibrated);
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = k == best ? calibrated : Math.Min(probabilities[k] * scale, ceiling);
        }
    }
}
