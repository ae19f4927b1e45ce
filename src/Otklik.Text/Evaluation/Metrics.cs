using Otklik.Text.Classification;

namespace Otklik.Text.Evaluation;

/// <summary>Computes <see cref="TargetMetrics"/> from gold labels and ranked, calibrated predictions.</summary>
public static class Metrics
{
    /// <summary>The operator thresholds at which the accuracy/coverage trade-off is reported.</summary>
    public static readonly IReadOnlyList<double> Thresholds = [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    private const int Bins = 10;

    /// <summary>
    /// Metrics of one head: <paramref name="ranked"/>[i] are the predictions for text i, best first, with calibrated
    /// probabilities; the first one's probability is the confidence used for ECE, reliability and coverage.
    /// </summary>
    public static TargetMetrics Compute(IReadOnlyList<string> gold, IReadOnlyList<IReadOnlyList<LabelProbability>> ranked)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(ranked);
        if (gold.Count != ranked.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {ranked.Count} predictions");
        }

        var n = gold.Count;
        if (n == 0)
        {
            return new TargetMetrics(0, 0, 0, 0, 0, [], []);
        }

        var correct = new bool[n];
        var top3 = 0;
        for (var i = 0; i < n; i++)
        {
            correct[i] = string.Equals(ranked[i][0].Label, gold[i], StringComparison.Ordinal);
            if (ranked[i].Take(3).Any(p => string.Equals(p.Label, gold[i], StringComparison.Ordinal)))
            {
                top3++;
            }
        }

        var confidence = ranked.Select(r => r[0].Probability).ToArray();
        var reliability = Reliability(confidence, correct);
        var ece = reliability.Sum(b => b.Count * Math.Abs(b.Accuracy - b.MeanConfidence)) / n;
        var coverage = Thresholds.Select(t =>
        {
            var kept = Enumerable.Range(0, n).Where(i => confidence[i] >= t).ToList();
            return new CoveragePoint(t, (double)kept.Count / n, kept.Count == 0 ? 0 : (double)kept.Count(i => correct[i]) / kept.Count);
        }).ToList();

        return new TargetMetrics(n, (double)correct.Count(c => c) / n, MacroF1(gold, ranked.Select(r => r[0].Label).ToList()),
            (double)top3 / n, ece, reliability, coverage);
    }

    /// <summary>Mean F1 over every label that occurs in <paramref name="gold"/> or <paramref name="predicted"/>.</summary>
    public static double MacroF1(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        // Labels numbered in order of first occurrence, so the mean sums them in that order.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in gold.Concat(predicted))
        {
            index.TryAdd(label, index.Count);
        }

        return AccuracyAndMacroF1(predicted.Select(l => index[l]).ToArray(), gold.Select(l => index[l]).ToArray(), index.Count).MacroF1;
    }

    /// <summary>
    /// Accuracy and macro-F1 of label indices below <paramref name="classes"/>: F1 is averaged over the classes that occur
    /// in <paramref name="gold"/> or <paramref name="predicted"/>. For the training loops that score many candidate
    /// settings on out-of-fold predictions.
    /// </summary>
    internal static (double Accuracy, double MacroF1) AccuracyAndMacroF1(int[] predicted, int[] gold, int classes)
    {
        var tp = new int[classes];
        var fp = new int[classes];
        var fn = new int[classes];
        var correct = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            if (predicted[i] == gold[i])
            {
                correct++;
                tp[predicted[i]]++;
            }
            else
            {
                fp[predicted[i]]++;
                fn[gold[i]]++;
            }
        }

        var sum = 0.0;
        var present = 0;
        for (var k = 0; k < classes; k++)
        {
            if (tp[k] + fp[k] + fn[k] == 0)
            {
                continue;
            }

            present++;
            sum += tp[k] == 0 ? 0 : 2.0 * tp[k] / ((2.0 * tp[k]) + fp[k] + fn[k]);
        }

        return (gold.Length == 0 ? 0 : (double)correct / gold.Length, present == 0 ? 0 : sum / present);
    }

    private static List<ReliabilityBin> Reliability(double[] confidence, bool[] correct)
    {
        var bins = new List<ReliabilityBin>(Bins);
        for (var b = 0; b < Bins; b++)
        {
            double lower = (double)b / Bins, upper = (double)(b + 1) / Bins;
            var members = Enumerable.Range(0, confidence.Length)
                .Where(i => confidence[i] >= lower && (confidence[i] < upper || (b == Bins - 1 && confidence[i] <= upper)))
                .ToList();
            bins.Add(members.Count == 0
                ? new ReliabilityBin(lower, upper, 0, 0, 0)
                : new ReliabilityBin(lower, upper, members.Count, members.Average(i => confidence[i]), members.Average(i => correct[i] ? 1.0 : 0.0)));
        }

        return bins;
    }
}
